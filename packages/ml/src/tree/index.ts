export { DecisionTreeClassifier, type DecisionTreeClassifierParams, type TreeClassifierState } from './decision-tree-classifier.js';
export { DecisionTreeRegressor, type TreeRegressorState } from './decision-tree-regressor.js';
export type { MaxFeatures } from './max-features.js';
export type { TreeGrowthParams } from './tree-params.js';
export { applyTree, leafCount, treeDepth, type TreeStructure } from './tree-structure.js';
