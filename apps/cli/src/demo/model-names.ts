import { UserError } from '../errors.js';

/** Short names `--models` and `cml train --model` accept (kept apart from the model classes so that parsing loads no ML code). */
export const MODEL_NAMES = ['lr', 'dt', 'rf', 'xgb', 'mlp'] as const;
export type ModelShortName = (typeof MODEL_NAMES)[number];

/**
 * Default models: the three families of the issue, about 20 s together on 2 cores (mlp: ~0.6 s per
 * encrypted sample). Forests and boosted trees take several seconds per sample: `--models` adds them.
 */
export const DEFAULT_MODELS: readonly ModelShortName[] = ['lr', 'dt', 'mlp'];

export function isModelName(name: string): name is ModelShortName {
  return (MODEL_NAMES as readonly string[]).includes(name);
}

export function parseModelList(text: string): ModelShortName[] {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (names.length === 0) throw new UserError('--models needs at least one model name');
  return names.map((name) => {
    if (!isModelName(name)) throw new UserError(`unknown model '${name}' in --models; choose from ${MODEL_NAMES.join(', ')}`);
    return name;
  });
}
