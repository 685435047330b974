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
}

export type Instruction = LinearInstruction | LookupInstruction;

export interface ProgramInput {
  readonly name: string;
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
