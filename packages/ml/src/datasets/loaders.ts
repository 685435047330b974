import { parseDatasetCsv, readBundledCsv, type Dataset } from './csv.js';

const cache = new Map<string, Promise<Omit<Dataset, 'targetNames'>>>();

async function load(name: string, targetNames?: string[]): Promise<Dataset> {
  let parsed = cache.get(name);
  if (!parsed) {
    parsed = readBundledCsv(name).then((text) => parseDatasetCsv(text, name));
    cache.set(name, parsed);
  }
  const { data, target, featureNames } = await parsed;
  // Fresh copies: callers may mutate what they get without corrupting the cache.
  return {
    data: data.map((row) => row.slice()),
    target: target.slice(),
    featureNames: featureNames.slice(),
    ...(targetNames ? { targetNames } : {}),
  };
}

/** Wisconsin diagnostic breast cancer: 569 samples × 30 features, 0 = malignant, 1 = benign. */
export const loadBreastCancer = (): Promise<Dataset> => load('breast_cancer', ['malignant', 'benign']);

/** Fisher's iris: 150 × 4, three species. */
export const loadIris = (): Promise<Dataset> => load('iris', ['setosa', 'versicolor', 'virginica']);

/** UCI wine recognition: 178 × 13, three cultivars. */
export const loadWine = (): Promise<Dataset> => load('wine', ['class_0', 'class_1', 'class_2']);

/** Optical digits: 1797 × 64 (8×8 images, values 0..16), ten classes. */
export const loadDigits = (): Promise<Dataset> =>
  load('digits', Array.from({ length: 10 }, (_, d) => String(d)));

/** Diabetes progression (regression): 442 × 10 standardized features, target in 25..346. */
export const loadDiabetes = (): Promise<Dataset> => load('diabetes');
