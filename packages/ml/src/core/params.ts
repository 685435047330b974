import { InvalidParameterError } from './errors.js';

/** Fills defaults, rejecting unknown option names (a typo would otherwise be silently ignored). */
export function withDefaults<P extends object>(model: string, defaults: P, options: Partial<P> | undefined): P {
  const out = { ...defaults };
  for (const [key, value] of Object.entries(options ?? {})) {
    if (!(key in defaults)) {
      throw new InvalidParameterError(`${model} has no option '${key}'; options are ${Object.keys(defaults).join(', ')}`);
    }
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

export function requirePositive(model: string, name: string, value: number, allowZero = false): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new InvalidParameterError(`${model}: ${name} must be ${allowZero ? '>= 0' : '> 0'}, got ${value}`);
  }
}

export function requireInteger(model: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidParameterError(`${model}: ${name} must be an integer >= ${min}, got ${value}`);
  }
}
