import { integerTypeFor } from '@cml/tracer';
import { ParameterSelectionError } from '../errors.js';
import type {
  ClearInstruction,
  ClearLinearInstruction,
  ConstantInstruction,
  FheProgram,
  Instruction,
  ProgramInput,
  ProgramOutput,
  ProgramValue,
} from './program.js';

/** One term of a linear row: weight * value[element]. */
export interface LinearTerm {
  readonly value: number;
  readonly element: number;
  readonly weight: number;
}

/** A lookup whose tables are computed once the circuit precision is known. */
interface PendingLookup {
  readonly kind: 'pending-lookup';
  readonly output: number;
  readonly input: number;
  readonly element: readonly number[];
  /** First input value of the table's window (the measured minimum, minus a margin in approximate rounding). */
  readonly windowStart: number;
  readonly inputMax: number;
  readonly outputMin: number;
  /** Output values (one per output element) for input value v, or undefined where undefined. */
  readonly column: (v: number) => Float64Array | undefined;
  readonly roundedBits: number;
  /** Approximate rounding: bits b of the boxes the bootstrap rounds to (0: a full P-bit lookup). */
  readonly boxBits: number;
  /** Input values a run can reach (the measured window widened by the noise the boxes allow). */
  readonly reachable: { readonly min: number; readonly max: number };
}

/** Bits of an unsigned span 0..span (at least 1). */
export function spanBits(span: number): number {
  let bits = 1;
  while (2 ** bits - 1 < span) bits++;
  return bits;
}

/**
 * Accumulates values and instructions, tracking every value's bounds (measured for graph
 * nodes, derived by interval arithmetic otherwise), then fixes the precision P and fills the
 * tables over each lookup's full 2^P window.
 */
export class ProgramBuilder {
  /** In approximate rounding mode, windows of rounded lookups get a margin of half a run. */
  constructor(private readonly approximateRounding = false) {}

  private readonly values: ProgramValue[] = [];
  private readonly steps: (Exclude<Instruction, { kind: 'lookup' }> | PendingLookup)[] = [];
  private readonly inputs: ProgramInput[] = [];
  private readonly outputs: { value: number }[] = [];
  /** Bits each lookup needs (input span and output span over the measured window). */
  private readonly lookupBits: number[] = [];

  value(id: number): ProgramValue {
    const value = this.values[id];
    if (!value) throw new Error(`program value ${id} does not exist`);
    return value;
  }

  private addValue(shape: readonly number[], min: number, max: number, node?: number): number {
    const id = this.values.length;
    this.values.push(
      node === undefined
        ? { id, shape: [...shape], min, max }
        : { id, shape: [...shape], min, max, node },
    );
    return id;
  }

  input(name: string, shape: readonly number[], min: number, max: number, node: number): number {
    const type = integerTypeFor(min, max);
    const low = type.signed ? -(2 ** (type.bitWidth - 1)) : 0;
    const high = type.signed ? 2 ** (type.bitWidth - 1) - 1 : 2 ** type.bitWidth - 1;
    const value = this.addValue(shape, min, max, node);
    this.inputs.push({
      name,
      encrypted: true,
      dtype: 'int',
      value,
      shape: [...shape],
      min: low,
      max: high,
    });
    return value;
  }

  /** A clear argument (passed to the server as plain numbers). */
  clearInput(name: string, shape: readonly number[], dtype: 'int' | 'float', node: number): number {
    const value = this.addValue(shape, 0, 0, node);
    this.inputs.push({ name, encrypted: false, dtype, value, shape: [...shape], min: 0, max: 0 });
    return value;
  }

  /** A clear-side step (constant or clear op); returns its value id. */
  clearStep(
    step: Omit<ConstantInstruction, 'output'> | Omit<ClearInstruction, 'output'>,
    node?: number,
  ): number {
    const output = this.addValue(step.shape, 0, 0, node);
    this.steps.push({ ...step, output } as ConstantInstruction | ClearInstruction);
    return output;
  }

  /** An encrypted step with run-time clear weights; bounds are the node's measured bounds. */
  clearLinear(
    step: Omit<ClearLinearInstruction, 'output'>,
    bounds: { min: number; max: number },
    node: number,
  ): number {
    const output = this.addValue(step.shape, bounds.min, bounds.max, node);
    this.steps.push({ ...step, output });
    return output;
  }

  /** A linear step; `bounds` (measured) replace the interval bounds when given. */
  linear(
    shape: readonly number[],
    rows: readonly (readonly LinearTerm[])[],
    bias: readonly number[],
    node?: number,
    bounds?: { min: number; max: number },
  ): number {
    const sources: number[] = [];
    const sourceIndex = new Map<number, number>();
    const rowStart = [0];
    const termSource: number[] = [];
    const termElement: number[] = [];
    const termWeight: number[] = [];
    let min = Infinity;
    let max = -Infinity;
    rows.forEach((row, i) => {
      let low = bias[i] as number;
      let high = low;
      for (const term of row) {
        if (!sourceIndex.has(term.value)) {
          sourceIndex.set(term.value, sources.length);
          sources.push(term.value);
        }
        termSource.push(sourceIndex.get(term.value) as number);
        termElement.push(term.element);
        termWeight.push(term.weight);
        const source = this.value(term.value);
        low += Math.min(term.weight * source.min, term.weight * source.max);
        high += Math.max(term.weight * source.min, term.weight * source.max);
      }
      rowStart.push(termWeight.length);
      min = Math.min(min, low);
      max = Math.max(max, high);
    });
    if (rows.length === 0) min = max = 0;
    const output = this.addValue(shape, bounds?.min ?? min, bounds?.max ?? max, node);
    this.steps.push({
      kind: 'linear',
      output,
      sources,
      rowStart,
      termSource,
      termElement,
      termWeight,
      bias: [...bias],
    });
    return output;
  }

  /**
   * A table lookup reading input[element[i]] for output element i; `column(v)` gives every
   * output element's value for input value v.
   */
  lookup(
    input: number,
    shape: readonly number[],
    element: readonly number[],
    column: (v: number) => Float64Array | undefined,
    node?: number,
    maxRoundedBits = 0,
  ): number {
    const { min: inputMin, max: inputMax } = this.value(input);
    const cache = new Map<number, Float64Array | undefined>();
    const cached = (v: number): Float64Array | undefined => {
      if (!cache.has(v)) cache.set(v, column(v));
      return cache.get(v);
    };
    const lattice =
      this.approximateRounding && maxRoundedBits > 0
        ? roundingLattice(cached, inputMin, inputMax, maxRoundedBits)
        : undefined;
    const roundedBits =
      lattice?.bits ??
      (maxRoundedBits > 0
        ? Math.min(maxRoundedBits, runBits(cached, inputMin, inputMax, element.length))
        : 0);
    // Approximate rounding lets noise move the index by up to half a box: values that far
    // outside the measured window are reachable, so their entries count for the output range.
    const margin = lattice && lattice.bits > 0 ? 2 ** (lattice.bits - 1) : 0;
    let min = Infinity;
    let max = -Infinity;
    for (let v = inputMin - margin; v <= inputMax + margin; v++) {
      for (const t of cached(v) ?? []) {
        min = Math.min(min, t);
        max = Math.max(max, t);
      }
    }
    if (min > max) min = max = 0;
    // Boxes of 2^b centred on the window's multiples of 2^b: the window starts half a box
    // after a run boundary, at or below the smallest input. The index plus a box stays below
    // 2^P, so noise never pushes a value into the negacyclic half box at the top.
    const windowStart =
      margin > 0 && lattice
        ? inputMin - mod(inputMin - lattice.phase - margin, 2 * margin)
        : inputMin;
    const output = this.addValue(shape, min, max, node);
    this.steps.push({
      kind: 'pending-lookup',
      output,
      input,
      element: [...element],
      windowStart,
      inputMax,
      outputMin: min,
      column: cached,
      roundedBits,
      boxBits: margin > 0 ? roundedBits : 0,
      reachable: { min: inputMin - margin, max: inputMax + margin },
    });
    this.lookupBits.push(spanBits(inputMax - windowStart + 2 * margin), spanBits(max - min));
    return output;
  }

  output(value: number): void {
    this.outputs.push({ value });
  }

  /** The smallest P holding every lookup window and every output's integer type. */
  precision(): number {
    const outputBits = this.outputs.map(
      ({ value }) => integerTypeFor(this.value(value).min, this.value(value).max).bitWidth,
    );
    return Math.max(1, ...this.lookupBits, ...outputBits);
  }

  finish(maxPrecision: number): FheProgram {
    const precision = this.precision();
    if (precision > maxPrecision) {
      throw new ParameterSelectionError(
        `the circuit needs ${precision}-bit table lookups or outputs, above the ${maxPrecision} bits available: ` +
          'narrow the inputset range, quantize with fewer bits, or drop low bits with roundBitPattern before non-linear operations',
      );
    }
    const instructions: Instruction[] = this.steps.map((step) =>
      step.kind === 'pending-lookup' ? fillTables(step, precision) : step,
    );
    const outputs: ProgramOutput[] = this.outputs.map(({ value }) => ({
      value,
      shape: this.value(value).shape,
      signed: this.value(value).min < 0,
    }));
    return {
      format: 'cml-fhe-program',
      version: 1,
      precision,
      values: this.values,
      inputs: this.inputs,
      instructions,
      outputs,
    };
  }
}

/**
 * floor(log2) of the shortest run of equal consecutive entries over the measured window, for
 * any output element (the first and last runs are cut by the window and do not count): the
 * low bits the table ignores, found on the table itself so that a bias or scale between the
 * rounding marker and the lookup's input shifts or shortens the runs correctly.
 */
function runBits(
  column: (v: number) => Float64Array | undefined,
  low: number,
  high: number,
  elements: number,
): number {
  let shortest = Infinity;
  for (let i = 0; i < elements; i++) {
    const runs: number[] = [];
    let previous = NaN;
    let length = 0;
    for (let v = low; v <= high; v++) {
      const t = column(v)?.[i] ?? NaN;
      if (t === previous) {
        length++;
      } else {
        if (length > 0) runs.push(length);
        previous = t;
        length = 1;
      }
    }
    for (const run of runs.slice(1)) shortest = Math.min(shortest, run);
  }
  return Number.isFinite(shortest) ? Math.floor(Math.log2(shortest)) : Infinity;
}

const mod = (a: number, m: number): number => ((a % m) + m) % m;

const sameColumn = (a: Float64Array | undefined, b: Float64Array | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.every((t, i) => t === b[i]));

/**
 * The boxes an approximate lookup may round to: the most bits b <= maxBits such that every run
 * boundary (an input v whose entries differ from v - 1's, for any output element) that noise
 * of half a box can reach starts at the same phase modulo 2^b. Then the table is constant on
 * boxes [phase + k 2^b, phase + (k+1) 2^b) and a bootstrap with 2^(P-b) boxes computes it.
 * A bias between the rounding marker and the lookup moves the phase; a scale or a comparison
 * at an unaligned constant shortens or breaks the lattice (fewer bits).
 */
function roundingLattice(
  column: (v: number) => Float64Array | undefined,
  low: number,
  high: number,
  maxBits: number,
): { bits: number; phase: number } {
  for (let bits = maxBits; bits > 0; bits--) {
    const box = 2 ** bits;
    let phase: number | undefined;
    let aligned = true;
    for (let v = low - box / 2 + 1; v <= high + box / 2 && aligned; v++) {
      if (sameColumn(column(v - 1), column(v))) continue;
      const at = mod(v, box);
      phase ??= at;
      aligned = phase === at;
    }
    if (aligned) return { bits, phase: phase ?? 0 };
  }
  return { bits: 0, phase: 0 };
}

/**
 * The window index whose entry fills index i's box (approximate rounding): the box centre,
 * moved into the reachable part of the box, so that every entry of a box is the value its
 * reachable inputs have (outside the reachable inputs the function may not follow the boxes).
 */
function boxRepresentative(i: number, step: PendingLookup, size: number): number {
  const box = 2 ** step.boxBits;
  const centre = Math.floor((i + box / 2) / box) * box;
  const low = Math.max(step.reachable.min - step.windowStart, centre - box / 2, 0);
  const high = Math.min(step.reachable.max - step.windowStart, centre + box / 2 - 1, size - 1);
  if (low > high) return Math.min(centre, size - 1);
  return Math.min(Math.max(centre, low), high);
}

/** Tables over the window [windowStart, windowStart + 2^P), wrapped into [outputMin, outputMin + 2^P), shared when equal. */
function fillTables(step: PendingLookup, precision: number): Instruction {
  const size = 2 ** precision;
  const wrap = (t: number): number =>
    step.outputMin + ((((t - step.outputMin) % size) + size) % size);
  const representative =
    step.boxBits > 0 ? (i: number) => boxRepresentative(i, step, size) : (i: number) => i;
  const columns = Array.from({ length: size }, (_, index) =>
    step.column(step.windowStart + representative(index)),
  );
  const tables: number[][] = [];
  const tableIndex = new Map<string, number>();
  const tableOf = step.element.map((_, i) => {
    const table = columns.map((column) => wrap(column?.[i] ?? step.outputMin));
    const key = table.join(',');
    if (!tableIndex.has(key)) {
      tableIndex.set(key, tables.length);
      tables.push(table);
    }
    return tableIndex.get(key) as number;
  });
  return {
    kind: 'lookup',
    output: step.output,
    input: step.input,
    element: step.element,
    tableOf,
    tables,
    inputOffset: -step.windowStart,
    outputOffset: step.outputMin,
    roundedBits: step.roundedBits,
    ...(step.boxBits > 0 ? { tableBits: precision - step.boxBits } : {}),
  };
}
