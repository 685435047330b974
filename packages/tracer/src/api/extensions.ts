import { AttributeError } from '../errors.js';
import type { DType } from '../ndarray/dtype.js';
import { applyOperation } from './apply.js';
import type { Operand, ResultOf } from './result-type.js';

/** The entries of one table: entry i is the value for input i. */
export type LookupTableEntries = readonly number[];
/** A nested grid of LookupTables (a multi-table): the table at each position applies to the value there. */
export type LookupTableGrid = LookupTable | readonly LookupTableGrid[];

/**
 * Concrete's `fhe.LookupTable`: `new LookupTable([3, 1, 4])` maps each integer x to table[x]
 * (negative x counts from the end). A nested list of LookupTables is a multi-table: the table
 * at each position of the grid applies to the value at that position (broadcast like numpy).
 */
export class LookupTable {
  readonly tables: readonly (readonly number[])[];
  readonly gridShape: readonly number[];

  constructor(table: LookupTableEntries | readonly LookupTableGrid[]) {
    if (table.length === 0) throw new AttributeError('LookupTable: a table needs at least one entry');
    if (table.every((v) => typeof v === 'number')) {
      this.tables = [[...(table as LookupTableEntries)]];
      this.gridShape = [];
      return;
    }
    const tables: number[][] = [];
    const shapeOf = (grid: LookupTableGrid): number[] => {
      if (grid instanceof LookupTable) {
        if (grid.gridShape.length > 0) throw new AttributeError('LookupTable: a multi-table cannot contain multi-tables');
        tables.push([...(grid.tables[0] ?? [])]);
        return [];
      }
      const shapes = grid.map(shapeOf);
      if (shapes.some((s) => JSON.stringify(s) !== JSON.stringify(shapes[0]))) throw new AttributeError('LookupTable: a ragged grid of tables');
      return [grid.length, ...(shapes[0] ?? [])];
    };
    this.gridShape = shapeOf(table as readonly LookupTableGrid[]);
    this.tables = tables;
  }

  /** table[x], value by value. */
  apply<T extends Operand>(x: T): ResultOf<[T]> {
    return applyOperation('lookup', [x], { tables: this.tables, gridShape: this.gridShape }) as ResultOf<[T]>;
  }
}

/**
 * Concrete's `fhe.univariate(fn)`: wraps any function of one number as an op applied value by
 * value (the compiler tabulates it into a lookup once it knows the input's range).
 */
export function univariate(
  fn: (value: number) => number,
  options: { dtype?: DType; label?: string } = {},
): <T extends Operand>(x: T) => ResultOf<[T]> {
  return (x) => applyOperation('univariate', [x], { fn, dtype: options.dtype ?? 'int', label: options.label ?? (fn.name || 'fn') }) as never;
}

/** Rounds integers to a multiple of 2^lsbsToRemove (ties upward), as Concrete's round_bit_pattern. */
export function roundBitPattern<T extends Operand>(x: T, lsbsToRemove: number, options: { overflowProtection?: boolean } = {}): ResultOf<[T]> {
  return applyOperation('roundBitPattern', [x], { lsbsToRemove, overflowProtection: options.overflowProtection ?? true }) as ResultOf<[T]>;
}

/** Clears the lsbsToRemove low bits of integers, as Concrete's truncate_bit_pattern. */
export function truncateBitPattern<T extends Operand>(x: T, lsbsToRemove: number): ResultOf<[T]> {
  return applyOperation('truncateBitPattern', [x], { lsbsToRemove }) as ResultOf<[T]>;
}
