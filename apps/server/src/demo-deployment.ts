import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FHEModelDev, LogisticRegression, loadBreastCancer, type FheModel } from '@cml/ml';

/** Features the demo model reads: all 30 breast-cancer columns. */
export const DEMO_FEATURES = 30;

/**
 * 2-bit inputs keep the circuit at 6-bit precision (polynomial size 4096, about 61 MB of
 * compressed evaluation keys); 3 bits push it to 7 bits and 16384 (about 257 MB).
 */
const DEMO_INPUT_BITS = 2;

export interface DemoDeployment {
  readonly dir: string;
  readonly model: FheModel;
  readonly samples: number[][];
  readonly labels: readonly number[];
}

/**
 * Trains a LogisticRegression on the bundled breast-cancer data (all
 * {@link DEMO_FEATURES} features), compiles it with 2-bit inputs and writes the deployment to a new temp directory
 * named `breast-cancer`. Returns that directory, the compiled model (the clear reference) and
 * the rows the demo offers as samples.
 */
export async function createDemoDeployment(parent?: string): Promise<DemoDeployment> {
  const data = await loadBreastCancer();
  const x = data.data.map((row) => row.slice(0, DEMO_FEATURES));
  const model = new LogisticRegression({ maxIter: 500 }).fit(x, data.target);
  const dir = join(parent ?? (await mkdtemp(join(tmpdir(), 'cml-demo-'))), 'breast-cancer');
  const fhe = model.compile(x, { nBits: DEMO_INPUT_BITS });
  await new FHEModelDev(dir, fhe).save();
  return { dir, model: fhe, samples: x, labels: data.target };
}
