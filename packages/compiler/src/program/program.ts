/**
 * The FHE program: plain, JSON-serializable data that one interpreter runs on clear integers,
 * on simulated encodings or on LWE ciphertexts.
 *
 * Every encrypted scalar is one LWE ciphertext. The circuit has one message width P: a value v
 * is encoded as v * Delta (Delta = 2^(63-P)) modulo 2^64, i.e. modulo 2^(P+1) in message units
 * (P message bits and one padding bit). Linear instructions are therefore exact modulo 2^(P+1);
 * a lookup reads (v + inputOffset), which must lie in [0, 2^P) so that the padding bit is 0.
 */

/** A tensor of encrypted scalars, flat row-major. */
export interface ProgramValue {
  readonly id: number;
  readonly shape: readonly number[];
  /** Bounds of every element over the inputset (measured, or derived for compiler-made values). */
  readonly min: number;
  readonly max: number;
  /** The graph node it computes, when there is one (for printing). */
  readonly node?: number;
}

/**
 * out[i] = bias[i] + sum over terms t of row i: weight[t] * sources[source[t]][element[t]].
 * Rows are stored CSR-style: terms of row i are rowStart[i] .. rowStart[i+1]-1.
 */
export interface LinearInstruction {
  readonly kind: 'linear';
  readonly output: number;
  readonly sources: readonly number[];
  readonly rowStart: readonly number[];
  readonly termSource: readonly number[];
  readonly termElement: readonly number[];
  readonly termWeight: readonly number[];
  readonly bias: readonly number[];
}

/**
 * out[i] = tables[tableOf[i]][input[element[i]] + inputOffset]. Tables have 2^P entries, all
 * in [outputOffset, outputOffset + 2^P): a bootstrap stores entry - outputOffset (P bits, no
 * padding) and adds outputOffset back, so the result is exact modulo 2^(P+1).
 */
export interface LookupInstruction {
  readonly kind: 'lookup';
  readonly output: number;
  readonly input: number;
  readonly element: readonly number[];
  readonly tableOf: readonly number[];
  readonly tables: readonly (readonly number[])[];
  readonly inputOffset: number;
  readonly outputOffset: number;
  /**
   * Low bits of the input the table ignores: it reads the input only through
   * roundBitPattern / truncateBitPattern with this many bits removed, so equal entries span
   * runs of 2^roundedBits indices. In approximate rounding mode the parameters only separate
   * those runs (P - roundedBits bits of noise margin), and a value near a run boundary may read
   * the neighbouring run: f of the input rounded one step the other way.
   */
  readonly roundedBits: number;
  /**
   * Approximate rounding: the bootstrap reads only the top tableBits of the P-bit index. Tables
   * are then constant on the boxes [j * 2^b - 2^(b-1), j * 2^b + 2^(b-1)) of the index
   * (b = P - tableBits), and the bootstrap uses a table of 2^tableBits entries (entry j =
   * tables[t][j * 2^b]) with the input shifted by half a step so that the modulus switch rounds
   * every index to the box around it. Absent: the bootstrap reads all P bits.
   */
  readonly tableBits?: number;
}

/** A clear constant (only clear-side instructions read it). */
export interface ConstantInstruction {
  readonly kind: 'constant';
  readonly output: number;
  readonly data: readonly number[];
  readonly shape: readonly number[];
  readonly dtype: 'int' | 'float';
}

/** A tracer op on clear run-time values (clear arguments, constants): evaluated by the server in the clear. */
export interface ClearInstruction {
  readonly kind: 'clear';
  readonly output: number;
  readonly op: string;
  readonly attrs: Readonly<Record<string, unknown>>;
  readonly inputs: readonly number[];
  readonly shape: readonly number[];
  readonly dtype: 'int' | 'float';
}

/**
 * An op affine in its encrypted operands whose weights come from clear run-time values (x * y
 * with y a clear argument): the weights are probed from the op at run time, then applied
 * as a linear instruction. `maxNorm2` is the largest row 2-norm over the inputset, which the
 * parameters are sized for; larger run-time weights are refused.
 */
export interface ClearLinearInstruction {
  readonly kind: 'clear-linear';
  readonly output: number;
  readonly op: string;
  readonly attrs: Readonly<Record<string, unknown>>;
  readonly operands: readonly {
    readonly value: number;
    readonly encrypted: boolean;
    readonly shape: readonly number[];
    readonly dtype: 'int' | 'float';
  }[];
  readonly shape: readonly number[];
  readonly dtype: 'int' | 'float';
  readonly maxNorm2: number;
}

export type Instruction =
  | LinearInstruction
  | LookupInstruction
  | ConstantInstruction
  | ClearInstruction
  | ClearLinearInstruction;

export interface ProgramInput {
  readonly name: string;
  /** Clear arguments are passed to the server as plain numbers. */
  readonly encrypted: boolean;
  readonly dtype: 'int' | 'float';
  readonly value: number;
  readonly shape: readonly number[];
  /** Values the client may encrypt: the integer type of the inputset's range. */
  readonly min: number;
  readonly max: number;
}

export interface ProgramOutput {
  readonly value: number;
  readonly shape: readonly number[];
  readonly signed: boolean;
}

export interface FheProgram {
  readonly format: 'cml-fhe-program';
  readonly version: 1;
  /** P: message bits of every ciphertext (one padding bit on top). */
  readonly precision: number;
  readonly values: readonly ProgramValue[];
  readonly inputs: readonly ProgramInput[];
  readonly instructions: readonly Instruction[];
  readonly outputs: readonly ProgramOutput[];
}

export function sizeOfShape(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
