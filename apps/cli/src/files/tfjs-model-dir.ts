import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type * as Tf from '@tensorflow/tfjs';
import { UserError } from '../errors.js';
import { loadTensorflow } from '../tensorflow.js';

/** A TensorFlow.js LayersModel directory that cannot be loaded (model.json or weight files). */
export class TfjsModelError extends UserError {
  override readonly name = 'TfjsModelError';
}

interface WeightGroup {
  readonly paths: string[];
  readonly weights: Tf.io.WeightsManifestEntry[];
}

interface ModelJson {
  readonly modelTopology: object;
  readonly weightsManifest: WeightGroup[];
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** Bytes a weight occupies in the weight files (quantized weights take their storage dtype). */
function weightBytes(entry: Tf.io.WeightsManifestEntry): number {
  const count = entry.shape.reduce((a, b) => a * b, 1);
  const dtype = entry.quantization?.dtype ?? entry.dtype;
  const bytes = DTYPE_BYTES[dtype];
  if (bytes === undefined) throw new TfjsModelError(`weight ${entry.name} has dtype ${dtype}, which cannot be read`);
  return count * bytes;
}

function parseModelJson(text: string, path: string): ModelJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TfjsModelError(`${path} is not JSON`);
  }
  const m = json as Partial<ModelJson>;
  if (typeof m.modelTopology !== 'object' || m.modelTopology === null) {
    throw new TfjsModelError(`${path} has no modelTopology: not a TensorFlow.js LayersModel (graph models are not supported)`);
  }
  if (!Array.isArray(m.weightsManifest) || !m.weightsManifest.every((g) => Array.isArray(g?.paths) && Array.isArray(g?.weights))) {
    throw new TfjsModelError(`${path} has no valid weightsManifest`);
  }
  return m as ModelJson;
}

/** True when `path` is a model.json of TensorFlow.js (rather than a cml model dump). */
export function isTfjsModelJson(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'modelTopology' in json;
}

/**
 * Loads a TensorFlow.js LayersModel saved on disk (`model.save('file://dir')` or the converter):
 * `dir/model.json` and the weight files its manifest lists, concatenated in manifest order and
 * handed to tf.io.fromMemory (tfjs without tfjs-node has no file:// loader). `path` is the
 * directory or its model.json.
 */
export async function loadTfjsModelDir(path: string): Promise<Tf.LayersModel> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new TfjsModelError(`cannot read ${path}: no such file or directory`);
  const jsonPath = info.isDirectory() ? join(path, 'model.json') : path;
  const dir = dirname(jsonPath);
  const text = await readFile(jsonPath, 'utf8').catch(() => {
    throw new TfjsModelError(`${info.isDirectory() ? `${path} has no model.json` : `cannot read ${jsonPath}`} (expected a TensorFlow.js LayersModel directory)`);
  });
  const model = parseModelJson(text, jsonPath);
  const weightSpecs = model.weightsManifest.flatMap((group) => group.weights);
  const shards: Uint8Array[] = [];
  for (const group of model.weightsManifest) {
    for (const shard of group.paths) {
      const file = resolve(dir, shard);
      const inside = relative(dir, file);
      if (isAbsolute(shard) || inside.startsWith('..')) throw new TfjsModelError(`${jsonPath}: weight path ${shard} leaves the model directory`);
      shards.push(
        new Uint8Array(
          await readFile(file).catch((error: NodeJS.ErrnoException) => {
            throw new TfjsModelError(`cannot read weight file ${file}: ${error.code ?? error.message}`);
          }),
        ),
      );
    }
  }
  const total = shards.reduce((n, s) => n + s.length, 0);
  const expected = weightSpecs.reduce((n, w) => n + weightBytes(w), 0);
  if (total !== expected) {
    throw new TfjsModelError(`${jsonPath}: the weight files hold ${total} bytes, the manifest describes ${expected} (truncated or mismatched files)`);
  }
  const weightData = new Uint8Array(total);
  let offset = 0;
  for (const shard of shards) {
    weightData.set(shard, offset);
    offset += shard.length;
  }
  const tf = await loadTensorflow();
  try {
    return await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: model.modelTopology,
        weightSpecs,
        weightData: weightData.buffer,
        ...(model.format === undefined ? {} : { format: model.format }),
        ...(model.generatedBy === undefined ? {} : { generatedBy: model.generatedBy }),
        ...(model.convertedBy == null ? {} : { convertedBy: model.convertedBy }),
      }),
    );
  } catch (error) {
    throw new TfjsModelError(`${jsonPath}: TensorFlow.js cannot build the model: ${(error as Error).message.split('\n')[0]}`);
  }
}
