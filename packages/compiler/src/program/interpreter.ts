import type { FheProgram, LinearInstruction, LookupInstruction } from './program.js';

/**
 * What a back end supplies: the two instruction kinds on its own scalar type T (a number for
 * the clear and simulated back ends, a ciphertext for FHE). `release` frees values no later
 * instruction reads.
 */
export interface Backend<T> {
  linear(instruction: LinearInstruction, sources: readonly (readonly T[])[]): T[];
  lookup(instruction: LookupInstruction, input: readonly T[]): T[];
  release?(values: readonly T[]): void;
}

/** Runs the program on already-encoded inputs (one flat array per program input); returns the flat outputs. */
export function interpret<T>(program: FheProgram, inputs: readonly (readonly T[])[], backend: Backend<T>): T[][] {
  const values = new Map<number, readonly T[]>();
  program.inputs.forEach((input, k) => values.set(input.value, inputs[k] as readonly T[]));
  const lastUse = lastUses(program);
  const read = (id: number): readonly T[] => {
    const value = values.get(id);
    if (!value) throw new Error(`program value ${id} is read before it is computed`);
    return value;
  };
  program.instructions.forEach((instruction, step) => {
    const result =
      instruction.kind === 'linear'
        ? backend.linear(instruction, instruction.sources.map(read))
        : backend.lookup(instruction, read(instruction.input));
    values.set(instruction.output, result);
    const reads = instruction.kind === 'linear' ? instruction.sources : [instruction.input];
    for (const id of new Set(reads)) {
      if (lastUse.get(id) === step && backend.release) {
        backend.release(read(id));
        values.delete(id);
      }
    }
  });
  return program.outputs.map(({ value }) => [...read(value)]);
}

/** For each value read by an instruction, the last instruction reading it (outputs and inputs are never released). */
function lastUses(program: FheProgram): Map<number, number> {
  const keep = new Set([...program.outputs.map((o) => o.value), ...program.inputs.map((i) => i.value)]);
  const last = new Map<number, number>();
  program.instructions.forEach((instruction, step) => {
    const reads = instruction.kind === 'linear' ? instruction.sources : [instruction.input];
    for (const id of reads) if (!keep.has(id)) last.set(id, step);
  });
  return last;
}
