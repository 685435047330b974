import { NdArray, getOp } from '@cml/tracer';
import { resolveClearLinear } from './clear-linear.js';
import type { FheProgram, Instruction, LinearInstruction, LookupInstruction } from './program.js';

/**
 * What a back end supplies: the two encrypted instruction kinds on its own scalar type T (a
 * number for the clear and simulated back ends, a ciphertext for FHE). `release` frees values
 * no later instruction reads. Clear-side instructions run here, the same for every back end.
 */
export interface Backend<T> {
  linear(instruction: LinearInstruction, sources: readonly (readonly T[])[]): T[];
  lookup(instruction: LookupInstruction, input: readonly T[]): T[];
  release?(values: readonly T[]): void;
}

/** Encrypted values an instruction reads. */
export function encryptedReads(instruction: Instruction): readonly number[] {
  switch (instruction.kind) {
    case 'linear':
      return instruction.sources;
    case 'lookup':
      return [instruction.input];
    case 'clear-linear':
      return instruction.operands.filter((o) => o.encrypted).map((o) => o.value);
    default:
      return [];
  }
}

/**
 * Runs the program: `inputs` holds, per program input, its encoded values (encrypted inputs)
 * or its NdArray (clear inputs). Returns the flat outputs.
 */
export function interpret<T>(
  program: FheProgram,
  inputs: readonly (readonly T[] | NdArray)[],
  backend: Backend<T>,
): T[][] {
  const encrypted = new Map<number, readonly T[]>();
  const clear = new Map<number, NdArray>();
  program.inputs.forEach((input, k) => {
    const value = inputs[k];
    if (value instanceof NdArray) clear.set(input.value, value);
    else encrypted.set(input.value, value as readonly T[]);
  });
  const lastUse = lastUses(program);
  const read = (id: number): readonly T[] => {
    const value = encrypted.get(id);
    if (!value) throw new Error(`program value ${id} is read before it is computed`);
    return value;
  };
  const readClear = (id: number): NdArray => {
    const value = clear.get(id);
    if (!value) throw new Error(`clear program value ${id} is read before it is computed`);
    return value;
  };
  program.instructions.forEach((instruction, step) => {
    switch (instruction.kind) {
      case 'constant':
        clear.set(
          instruction.output,
          new NdArray(
            Float64Array.from(instruction.data),
            instruction.shape,
            instruction.dtype,
            'constant',
          ),
        );
        return;
      case 'clear':
        clear.set(
          instruction.output,
          getOp(instruction.op).evaluate(
            instruction.inputs.map(readClear),
            instruction.attrs,
            instruction,
          ),
        );
        return;
      case 'linear':
        encrypted.set(
          instruction.output,
          backend.linear(instruction, instruction.sources.map(read)),
        );
        break;
      case 'clear-linear': {
        const linear = resolveClearLinear(instruction, readClear);
        encrypted.set(instruction.output, backend.linear(linear, linear.sources.map(read)));
        break;
      }
      case 'lookup':
        encrypted.set(instruction.output, backend.lookup(instruction, read(instruction.input)));
        break;
    }
    for (const id of new Set(encryptedReads(instruction))) {
      if (lastUse.get(id) === step && backend.release) {
        backend.release(read(id));
        encrypted.delete(id);
      }
    }
  });
  return program.outputs.map(({ value }) => [...read(value)]);
}

/** For each encrypted value read by an instruction, the last instruction reading it (outputs and inputs are never released). */
function lastUses(program: FheProgram): Map<number, number> {
  const keep = new Set([
    ...program.outputs.map((o) => o.value),
    ...program.inputs.map((i) => i.value),
  ]);
  const last = new Map<number, number>();
  program.instructions.forEach((instruction, step) => {
    for (const id of encryptedReads(instruction)) if (!keep.has(id)) last.set(id, step);
  });
  return last;
}
