/**
 * The page's controller: model choice, keys (generated or restored in the worker, uploaded
 * with progress), input (sample, typed values or a drawn digit), and the encrypted round trip
 * encrypt -> POST predict -> decrypt, each step timed and sized.
 */
import { ApiError, base64Bytes, clientDescription, listModels, predict, type ModelSummary } from './api.js';
import { DigitPad } from './digit-pad.js';
import type { PageElements } from './elements.js';
import { FeatureForm } from './feature-form.js';
import { FheWorker } from './fhe-worker-client.js';
import { formatBytes, formatMs } from './format.js';
import { samplesFor, type ModelSamples } from './sample-sets.js';
import { StepLog } from './step-log.js';
import { uploadKeys } from './upload-keys.js';
import { KEYGEN_PHASES } from './worker/protocol.js';

interface OpenModel {
  readonly summary: ModelSummary;
  readonly samples: ModelSamples | undefined;
  evaluationKeys: Uint8Array | undefined;
  keyId: string | undefined;
}

export class WebApp {
  private readonly worker = new FheWorker();
  private readonly steps: StepLog;
  private readonly form: FeatureForm;
  private readonly pad: DigitPad;
  private models: ModelSummary[] = [];
  private current: OpenModel | undefined;

  constructor(private readonly page: PageElements) {
    this.steps = new StepLog(page.steps);
    this.form = new FeatureForm(page.features);
    this.pad = new DigitPad(page.digitCanvas, () => this.form.set(this.pad.features()));
    page.model.addEventListener('change', () => this.guard(() => this.openModel(page.model.value)));
    page.keygen.addEventListener('click', () => this.guard(() => this.generateKeys()));
    page.forget.addEventListener('click', () => this.guard(() => this.forgetKeys()));
    page.predict.addEventListener('click', () => this.guard(() => this.predict()));
    page.sample.addEventListener('change', () => this.showSample());
    page.digitClear.addEventListener('click', () => {
      this.pad.clear();
      this.form.set(this.pad.features());
    });
  }

  async start(): Promise<void> {
    await this.guard(async () => {
      this.models = await listModels();
      this.page.model.replaceChildren(...this.models.map((m) => new Option(`${m.id} — ${m.modelName}, ${m.nFeatures} features`, m.id)));
      const wanted = new URLSearchParams(window.location.search).get('model');
      const first = this.models.find((m) => m.id === wanted) ?? this.models[0];
      if (first) {
        this.page.model.value = first.id;
        await this.openModel(first.id);
      }
    });
    document.body.dataset['ready'] = 'true';
  }

  private async openModel(id: string): Promise<void> {
    const summary = this.models.find((m) => m.id === id);
    if (!summary) return;
    this.current = undefined;
    this.setKeyStatus('none', 'no keys');
    this.steps.clear();
    this.page.keygenProgress.value = 0;
    this.page.uploadProgress.value = 0;
    this.page.uploadStatus.textContent = '';
    delete this.page.uploadStatus.dataset['keyId'];
    this.page.prediction.textContent = '';
    this.page.prediction.dataset['state'] = 'none';
    this.page.probabilities.textContent = '';
    const description = await clientDescription(id);
    const specJson = new TextEncoder().encode(JSON.stringify(description.model));
    const { restored } = await this.worker.call('open', {
      modelId: id,
      specJson,
      clientBin: base64Bytes(description.clientBin),
      fingerprint: description.circuit.circuit,
    });
    const samples = samplesFor(summary.nFeatures);
    this.current = { summary, samples, evaluationKeys: undefined, keyId: undefined };
    this.page.modelInfo.textContent = `${summary.modelName}: ${summary.nFeatures} features, ${summary.bootstrapsPerRun} bootstraps per run, parameters ${summary.parameters}, circuit ${description.circuit.circuit}`;
    this.showInputs(samples, summary.nFeatures);
    if (restored) {
      this.steps.add({ name: 'keys restored from IndexedDB', ms: restored.ms });
      this.setKeyStatus('restored', `keys restored from IndexedDB (${formatBytes(restored.evaluationKeys.length)} of evaluation keys)`);
      this.current.evaluationKeys = restored.evaluationKeys;
      await this.upload();
    }
  }

  private showInputs(samples: ModelSamples | undefined, nFeatures: number): void {
    this.form.show(samples?.set.featureNames ?? Array.from({ length: nFeatures }, (_, i) => `x${i}`));
    const options = (samples?.set.rows ?? []).map(
      (_, i) => new Option(`row ${samples?.set.indices[i]} (${samples?.classNames[samples.set.labels[i] ?? 0] ?? '?'})`, String(i)),
    );
    this.page.sample.replaceChildren(...options);
    this.page.digit.hidden = !samples?.isDigits;
    // Digits: the 64 inputs laid out as the 8x8 image they are.
    this.page.features.classList.toggle('image-8x8', samples?.isDigits === true);
    this.pad.clear();
    this.showSample();
  }

  private showSample(): void {
    const row = this.current?.samples?.set.rows[Number(this.page.sample.value)];
    if (row) this.form.set(row);
  }

  private async generateKeys(): Promise<void> {
    const model = this.opened();
    this.setKeyStatus('generating', 'generating keys in a Web Worker…');
    this.page.keygenProgress.value = 0;
    const { evaluationKeys, ms, saved } = await this.worker.call('keygen', {}, (phase) => {
      this.page.keygenProgress.value = KEYGEN_PHASES.indexOf(phase);
      this.page.keyStatus.textContent = `${phase}…`;
    });
    this.page.keygenProgress.value = KEYGEN_PHASES.length;
    this.steps.add({ name: 'key generation (worker)', ms });
    const where = saved ? 'saved in IndexedDB' : 'not saved (IndexedDB unavailable): they last for this visit';
    this.setKeyStatus('generated', `keys generated in ${formatMs(ms)}, ${where} (${formatBytes(evaluationKeys.length)} of evaluation keys)`);
    model.evaluationKeys = evaluationKeys;
    model.keyId = undefined;
    await this.upload();
  }

  private async upload(): Promise<string> {
    const model = this.opened();
    const keys = model.evaluationKeys;
    if (!keys) throw new NoKeysError();
    this.page.uploadProgress.value = 0;
    let progressEvents = 0;
    const start = performance.now();
    const uploaded = await uploadKeys(model.summary.id, keys, (sent, total) => {
      this.page.uploadProgress.dataset['events'] = String(++progressEvents);
      this.page.uploadProgress.value = total > 0 ? sent / total : 0;
      this.page.uploadStatus.textContent = `uploading ${formatBytes(sent)} / ${formatBytes(total)}`;
    });
    this.page.uploadProgress.value = 1;
    const ms = performance.now() - start;
    this.steps.add({ name: 'evaluation-key upload', ms, sent: keys.length });
    this.page.uploadStatus.textContent = `uploaded ${formatBytes(uploaded.bytes)} in ${formatMs(ms)}: key id ${uploaded.keyId}`;
    this.page.uploadStatus.dataset['keyId'] = uploaded.keyId;
    model.keyId = uploaded.keyId;
    return uploaded.keyId;
  }

  private async predict(): Promise<void> {
    const model = this.opened();
    if (!model.evaluationKeys) throw new NoKeysError();
    const row = this.form.values();
    let keyId = model.keyId ?? (await this.upload()); // uploads again if an earlier upload failed
    this.page.prediction.dataset['state'] = 'running';
    this.page.prediction.textContent = 'running…';
    const total = performance.now();
    const encrypted = await this.worker.call('encrypt', { row });
    this.steps.add({ name: 'encryption (worker)', ms: encrypted.ms });
    let start = performance.now();
    let output: Uint8Array;
    try {
      output = await predict(model.summary.id, keyId, encrypted.bytes);
    } catch (error) {
      // The server forgot the keys (evicted or restarted): upload them again, once.
      if (!(error instanceof ApiError && error.code === 'unknown_key' && model.evaluationKeys)) throw error;
      keyId = await this.upload();
      start = performance.now();
      output = await predict(model.summary.id, keyId, encrypted.bytes);
    }
    this.steps.add({ name: 'server run (POST predict)', ms: performance.now() - start, sent: encrypted.bytes.length, received: output.length });
    const { result, ms } = await this.worker.call('decrypt', { bytes: output });
    this.steps.add({ name: 'decryption (worker)', ms });
    this.steps.add({ name: 'total', ms: performance.now() - total, sent: encrypted.bytes.length, received: output.length });
    const name = model.samples?.classNames[result.prediction];
    this.page.prediction.dataset['prediction'] = String(result.prediction);
    this.page.prediction.dataset['features'] = JSON.stringify(row);
    this.page.prediction.dataset['state'] = 'done';
    this.page.prediction.textContent = `prediction: ${result.prediction}${name ? ` (${name})` : ''}`;
    this.page.probabilities.textContent = result.probabilities
      ? `probabilities: ${result.probabilities.map((p, k) => `${model.samples?.classNames[k] ?? k} ${(p * 100).toFixed(1)}%`).join(', ')}`
      : `scores: ${result.scores.map((s) => s.toFixed(3)).join(', ')}`;
  }

  private async forgetKeys(): Promise<void> {
    const model = this.opened();
    await this.worker.call('forget', {});
    model.evaluationKeys = undefined;
    model.keyId = undefined;
    this.page.uploadProgress.value = 0;
    this.page.uploadStatus.textContent = '';
    delete this.page.uploadStatus.dataset['keyId'];
    this.setKeyStatus('none', 'keys forgotten (memory and IndexedDB)');
  }

  private opened(): OpenModel {
    if (!this.current) throw new NoModelOpenError();
    return this.current;
  }

  private setKeyStatus(state: string, text: string): void {
    this.page.keyStatus.dataset['state'] = state;
    this.page.keyStatus.textContent = text;
  }

  /** Buttons follow the state: keys need a model, prediction needs uploaded keys. */
  private refreshButtons(): void {
    const model = this.current;
    this.page.keygen.disabled = model === undefined;
    this.page.forget.disabled = model?.evaluationKeys === undefined;
    this.page.predict.disabled = model?.evaluationKeys === undefined;
    this.page.model.disabled = false;
  }

  /** Runs one user action with the buttons disabled; shows its error instead of throwing. */
  private async guard(action: () => Promise<void>): Promise<void> {
    for (const control of [this.page.keygen, this.page.forget, this.page.predict, this.page.model]) control.disabled = true;
    document.body.dataset['busy'] = 'true';
    this.page.error.textContent = '';
    try {
      await action();
    } catch (error) {
      this.page.error.textContent = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (this.page.prediction.dataset['state'] === 'running') this.page.prediction.dataset['state'] = 'failed';
    } finally {
      this.refreshButtons();
      document.body.dataset['busy'] = 'false';
    }
  }
}

export class NoKeysError extends Error {
  override readonly name = 'NoKeysError';
  constructor() {
    super('no keys: generate them first');
  }
}

export class NoModelOpenError extends Error {
  override readonly name = 'NoModelOpenError';
  constructor() {
    super('no model is open');
  }
}
