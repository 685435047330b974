export type { Dataset } from './csv.js';
export { loadBreastCancer, loadDiabetes, loadDigits, loadIris, loadWine } from './loaders.js';
