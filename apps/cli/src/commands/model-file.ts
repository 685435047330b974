import { readFile, stat } from 'node:fs/promises';
import { loadAnyModel, type CompilableModel, type FheCompileOptions, type FheModel, type MatrixLike } from '@cml/ml';
import { UserError } from '../errors.js';

interface LoadedModel extends CompilableModel {
  compile(X: MatrixLike, options?: FheCompileOptions): FheModel;
}

/** Reads a model.json (a model's dump()) and returns the fitted model. */
export async function readModelFile(path: string): Promise<LoadedModel> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new UserError(`cannot read ${path}: no such file`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new UserError(`${path} is not JSON (expected a model's dump())`);
  }
  const model: unknown = loadAnyModel(json as Parameters<typeof loadAnyModel>[0]);
  const name = (json as { model?: unknown }).model;
  if (typeof model !== 'object' || model === null || !('compile' in model) || /Scaler$/.test(String(name))) {
    throw new UserError(`${path} holds a ${String(name)}, which is not a model that compiles to FHE`);
  }
  return model as LoadedModel;
}
