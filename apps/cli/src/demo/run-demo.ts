import { accuracyScore, loadBreastCancer, StandardScaler, trainTestSplit, type FheModel } from '@cml/ml';
import type { ModelShortName } from './model-names.js';
import type { Progress } from '../progress.js';
import { DEMO_MODELS } from './models.js';

/** Every number the demo prints, measured on this run. */
export interface DemoRow {
  readonly model: string;
  readonly floatAccuracy: number;
  /** Set when the model could not be compiled to FHE (the reason, from @cml/ml). */
  readonly notCompilable?: string;
  /** Accuracy of the simulated circuit on the whole test split. */
  readonly fheSimulateAccuracy?: number;
  /** Accuracy of the quantized model evaluated in the clear on the whole test split. */
  readonly clearQuantizedAccuracy?: number;
  readonly encryptedSamples?: number;
  /** Encrypted predictions equal to the clear-quantized ones, out of encryptedSamples. */
  readonly encryptedAgreement?: number;
  readonly msPerEncryptedSample?: number;
  readonly keygenMs?: number;
  readonly compileMs?: number;
  readonly bootstrapsPerSample?: number;
  /** Bootstrap key (Fourier form, in memory) plus keyswitch key, bytes. */
  readonly evaluationKeyBytes?: number;
  readonly parameters?: string;
}

export interface DemoResult {
  readonly dataset: string;
  readonly trainSamples: number;
  readonly testSamples: number;
  readonly rows: DemoRow[];
}

export interface DemoSettings {
  readonly models: readonly ModelShortName[];
  readonly samples: number;
  readonly quick: boolean;
}

/**
 * Trains each model on standardized breast-cancer data (the scaler runs on the client, in the
 * clear), compiles it, simulates the circuit on the whole test split, then generates keys and
 * runs `samples` test rows encrypted, comparing each with the clear-quantized prediction.
 */
export async function runDemo(settings: DemoSettings, progress: Progress): Promise<DemoResult> {
  const { data, target } = await loadBreastCancer();
  const split = trainTestSplit(data, target, { testSize: 0.2, randomState: 0, stratify: target });
  const scaler = new StandardScaler().fit(split.xTrain);
  const xTrain = scaler.transform(split.xTrain);
  const xTest = scaler.transform(split.xTest);
  const rows: DemoRow[] = [];
  for (const name of settings.models) {
    const kind = DEMO_MODELS[name];
    const model = kind.create(settings.quick);
    model.fit(xTrain, split.yTrain);
    const floatAccuracy = accuracyScore(split.yTest, model.predict(xTest));
    let fhe: FheModel;
    const compileStart = performance.now();
    try {
      fhe = model.compile(xTrain);
    } catch (error) {
      if (error instanceof Error && error.name === 'UnsupportedModelError') {
        rows.push({ model: kind.label, floatAccuracy, notCompilable: error.message });
        continue;
      }
      throw error;
    }
    const compileMs = performance.now() - compileStart;
    try {
      rows.push({ model: kind.label, floatAccuracy, compileMs, ...(await measureFhe(fhe, kind.label, xTest, split.yTest, settings.samples, progress)) });
    } finally {
      await fhe.dispose();
    }
  }
  return { dataset: 'breast_cancer', trainSamples: xTrain.length, testSamples: xTest.length, rows };
}

async function measureFhe(
  fhe: FheModel,
  label: string,
  xTest: number[][],
  yTest: ArrayLike<number>,
  samples: number,
  progress: Progress,
): Promise<Omit<DemoRow, 'model' | 'floatAccuracy'>> {
  const clearQuantized = fhe.predict(xTest);
  const simulated = fhe.predict(xTest, { fhe: 'simulate' });
  const statistics = fhe.circuit.statistics;

  progress.start(`${label}: keygen`, 1);
  const keygenStart = performance.now();
  await fhe.circuit.keygen();
  const keygenMs = performance.now() - keygenStart;
  progress.increment();
  progress.stop();

  const count = Math.min(samples, xTest.length);
  progress.start(`${label}: encrypted runs`, count);
  let agreement = 0;
  let encryptedMs = 0;
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const [prediction] = await fhe.predict([xTest[i] as number[]], { fhe: 'execute' });
    encryptedMs += performance.now() - start;
    if (prediction === clearQuantized[i]) agreement++;
    progress.increment();
  }
  progress.stop();
  return {
    fheSimulateAccuracy: accuracyScore(yTest, simulated),
    clearQuantizedAccuracy: accuracyScore(yTest, clearQuantized),
    encryptedSamples: count,
    encryptedAgreement: agreement,
    msPerEncryptedSample: count > 0 ? encryptedMs / count : undefined,
    keygenMs,
    bootstrapsPerSample: statistics.bootstraps,
    // What a client uploads: the serialized (seeded) evaluation keys, measured, not modelled.
    evaluationKeyBytes: fhe.circuit.client.serializeEvaluationKeys().length,
    parameters: fhe.circuit.parameters.name,
  };
}
