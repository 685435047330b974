import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FHEModelDev, LogisticRegression, loadBreastCancer, loadDigits, type FheModel } from '@cml/ml';

/** Features the demo model reads: all 30 breast-cancer columns. */
export const DEMO_FEATURES = 30;

/**
 * 2-bit inputs. A linear model needs no table lookup, so the circuit gets decryption-only
 * parameters (polynomial size 256): about 7.5 MB of compressed evaluation keys.
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

/**
 * A second demo model for drawn digits: LogisticRegression on the 8x8 digits set (64
 * features, values 0..16, ten classes) with 2-bit inputs, written to a new temp directory
 * named `digits`. Lookup-free like the breast-cancer demo, so its keys stay small.
 */
export async function createDigitsDeployment(parent?: string): Promise<DemoDeployment> {
  const data = await loadDigits();
  const model = new LogisticRegression({ maxIter: 300 }).fit(data.data, data.target);
  const dir = join(parent ?? (await mkdtemp(join(tmpdir(), 'cml-demo-'))), 'digits');
  const fhe = model.compile(data.data, { nBits: DEMO_INPUT_BITS });
  await new FHEModelDev(dir, fhe).save();
  return { dir, model: fhe, samples: data.data, labels: data.target };
}
