import { IndexError } from '../errors.js';

/** A slice `start:stop:step`; `null` fields take numpy's defaults (which depend on the sign of step). */
export interface Slice {
  readonly kind: 'slice';
  readonly start: number | null;
  readonly stop: number | null;
  readonly step: number | null;
}

/** numpy's `np.newaxis`: inserts a size-1 axis. */
export const newaxis = Object.freeze({ kind: 'newaxis' as const });
export type NewAxis = typeof newaxis;

/** numpy's `...`: as many full slices as needed. */
export const ellipsis = Object.freeze({ kind: 'ellipsis' as const });
export type Ellipsis = typeof ellipsis;

/** What `x.get(...)` accepts for one position. */
export type IndexItem = number | Slice | NewAxis | Ellipsis | string;

/** The canonical, JSON-serializable form stored in a graph node's attributes. */
export type CanonicalIndexItem =
  | { readonly kind: 'int'; readonly index: number }
  | Slice
  | { readonly kind: 'newaxis' }
  | { readonly kind: 'ellipsis' };

/** `slice(stop)`, `slice(start, stop)` or `slice(start, stop, step)`, like Python's builtin. */
export function slice(startOrStop: number | null = null, stop?: number | null, step: number | null = null): Slice {
  if (stop === undefined) return { kind: 'slice', start: null, stop: startOrStop, step };
  return { kind: 'slice', start: startOrStop, stop, step };
}

function parseBound(text: string, whole: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^-?\d+$/.test(trimmed)) throw new IndexError(`cannot parse index '${whole}'`);
  return Number(trimmed);
}

/** Turns any accepted index item into its canonical form, or throws an IndexError. */
export function canonicalIndexItem(item: unknown): CanonicalIndexItem {
  if (typeof item === 'number') {
    if (!Number.isInteger(item)) throw new IndexError(`index ${item} is not an integer`);
    return { kind: 'int', index: item };
  }
  if (typeof item === 'string') {
    if (item.trim() === '...') return ellipsis;
    const parts = item.split(':');
    if (parts.length === 1) {
      const index = parseBound(item, item);
      if (index === null) throw new IndexError('an empty string is not an index');
      return { kind: 'int', index };
    }
    if (parts.length > 3) throw new IndexError(`cannot parse index '${item}'`);
    return canonicalIndexItem({
      kind: 'slice',
      start: parseBound(parts[0] ?? '', item),
      stop: parseBound(parts[1] ?? '', item),
      step: parseBound(parts[2] ?? '', item),
    });
  }
  if (item !== null && typeof item === 'object' && 'kind' in item) {
    const kind = (item as { kind: unknown }).kind;
    if (kind === 'newaxis' || kind === 'ellipsis') return kind === 'newaxis' ? newaxis : ellipsis;
    if (kind === 'int') return canonicalIndexItem((item as unknown as { index: unknown }).index);
    if (kind === 'slice') {
      const { start, stop, step } = item as Slice;
      for (const bound of [start, stop, step]) {
        if (bound !== null && !Number.isInteger(bound)) throw new IndexError(`slice bounds must be integers or null, got ${String(bound)}`);
      }
      if (step === 0) throw new IndexError('slice step cannot be zero');
      return { kind: 'slice', start, stop, step };
    }
  }
  throw new IndexError(`unsupported index ${JSON.stringify(item)}: use integers, slice(...), 'a:b:c' strings, newaxis or '...'`);
}
