export { accuracyScore } from './accuracy.js';
export { confusionMatrix } from './confusion-matrix.js';
export { f1Score, type F1Options } from './f1.js';
export { meanSquaredError, r2Score } from './regression.js';
