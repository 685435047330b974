export { crossValScore, type CrossValScoreOptions, type Estimator } from './cross-val-score.js';
export { KFold, type KFoldOptions } from './k-fold.js';
export { RepeatedStratifiedKFold, type RepeatedKFoldOptions } from './repeated-stratified-k-fold.js';
export type { CrossValidator, Split } from './split-types.js';
export { StratifiedKFold } from './stratified-k-fold.js';
export { trainTestSplit, type TrainTestSplitOptions, type TrainTestSplitResult } from './train-test-split.js';
