import { AttributeError, GraphError, IndexError } from '../errors.js';
import { broadcastShapes } from '../ndarray/broadcast.js';
import { broadcastIndexMap } from '../ndarray/broadcast-index.js';
import { NdArray } from '../ndarray/ndarray.js';
import { checkShape, sizeOf } from '../ndarray/shape.js';
import { requireIntegers } from './families/elementwise.js';
import { defineOp } from './op.js';

export interface LookupAttrs {
  /** One table per cell of `gridShape` (one table when the grid is the scalar shape []). */
  readonly tables: number[][];
  readonly gridShape: number[];
}

/**
 * Table lookup: out[i] = table(i)[x[i]], where table(i) is the one table, or for a
 * multi-table the table at i's position in the grid (broadcast against x). Negative indices
 * count from the end of the table, as in Concrete; out-of-range indices are an IndexError.
 */
export const lookup = defineOp<LookupAttrs>({
  name: 'lookup',
  category: 'lookup',
  arity: 1,
  normalize: (attrs) => {
    const gridShape = checkShape(attrs['gridShape'] ?? [], 'lookup');
    const tables = attrs['tables'];
    if (
      !Array.isArray(tables) ||
      tables.length !== sizeOf(gridShape) ||
      !tables.every((t) => Array.isArray(t) && t.length > 0 && t.every((v) => typeof v === 'number' && Number.isFinite(v)))
    ) {
      throw new AttributeError(`lookup: tables must be ${sizeOf(gridShape)} non-empty lists of finite numbers`);
    }
    return { tables: tables as number[][], gridShape: [...gridShape] };
  },
  shape: ([x], { gridShape }) => broadcastShapes(x?.shape ?? [], gridShape, 'lookup'),
  dtype: (inputs, { tables }) => {
    requireIntegers('lookup', inputs);
    return tables.every((t) => t.every(Number.isInteger)) ? 'int' : 'float';
  },
  evaluate: ([x], { tables, gridShape }, out) => {
    if (!x) throw new GraphError('lookup: missing input');
    const xMap = broadcastIndexMap(x.shape, out.shape);
    const gridMap = broadcastIndexMap(gridShape, out.shape);
    const data = new Float64Array(xMap.length);
    for (let i = 0; i < data.length; i++) {
      const table = tables[gridMap[i] ?? 0] ?? [];
      const index = x.data[xMap[i] ?? 0] ?? 0;
      if (index < -table.length || index >= table.length) {
        throw new IndexError(`lookup: index ${index} is out of range for a table of ${table.length} entries`);
      }
      data[i] = table[index < 0 ? index + table.length : index] ?? 0;
    }
    return new NdArray(data, out.shape, out.dtype, 'lookup');
  },
});
