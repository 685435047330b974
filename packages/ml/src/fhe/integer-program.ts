import type { Tracer } from '@cml/tracer';

/**
 * The integer computation that runs encrypted: quantized features in, integer outputs out.
 * `evaluate` is an independent plain-JavaScript evaluation of the same integers: the
 * quantized clear prediction (`fhe: 'disable'`) and the reference `simulate` is held to.
 * `extremes` are crafted quantized inputs that reach the ends of every intermediate window,
 * so the compiled ranges cover every possible input, not only the calibration data.
 */
export interface IntegerProgram {
  readonly outputCount: number;
  trace(x: Tracer): Tracer;
  evaluate(q: readonly number[]): number[];
  readonly extremes: readonly (readonly number[])[];
}

/** y = M·x + c for an integer matrix M (rows × cols) and integer vector c. */
export function affine(matrix: readonly (readonly number[])[], bias: readonly number[], x: readonly number[]): number[] {
  return matrix.map((row, i) => {
    let s = bias[i] as number;
    for (let j = 0; j < row.length; j++) s += (row[j] as number) * (x[j] as number);
    return s;
  });
}
