import { NdArray, getOp } from '@cml/tracer';
import { resolveClearLinear } from './clear-linear.js';
import type { FheProgram, Instruction, LinearInstruction, LookupInstruction } from './program.js';

/**
 * What a back end supplies: the two encrypted instruction kinds on its own scalar type T (a
 * number for the clear and simulated back ends, a ciphertext for FHE). `release` frees values
 * no later instruction reads. Clear-side instructions run in the interpreter, the same for
 * every back end.
 */
export interface Backend<T> {
  linear(instruction: LinearInstruction, sources: readonly (readonly T[])[]): T[];
  lookup(instruction: LookupInstruction, input: readonly T[]): T[];
  release?(values: readonly T[]): void;
}

/** A back end whose lookups complete later (a worker pool). */
export interface AsyncBackend<T> extends Omit<Backend<T>, 'lookup'> {
  lookup(instruction: LookupInstruction, input: readonly T[]): Promise<T[]>;
  /** Several independent lookup instructions at once (one batch); falls back to `lookup` one by one. */
  lookupBatch?(
    instructions: readonly LookupInstruction[],
    inputs: readonly (readonly T[])[],
  ): Promise<T[][]>;
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

/** The values of one run: encrypted ones per back end, clear ones as NdArrays. */
class RunState<T> {
  private readonly encrypted = new Map<number, readonly T[]>();
  private readonly clear = new Map<number, NdArray>();
  private readonly lastUse: Map<number, number>;

  constructor(
    private readonly program: FheProgram,
    inputs: readonly (readonly T[] | NdArray)[],
    private readonly release: ((values: readonly T[]) => void) | undefined,
  ) {
    program.inputs.forEach((input, k) => {
      const value = inputs[k];
      if (value instanceof NdArray) this.clear.set(input.value, value);
      else this.encrypted.set(input.value, value as readonly T[]);
    });
    this.lastUse = lastUses(program);
  }

  read(id: number): readonly T[] {
    const value = this.encrypted.get(id);
    if (!value) throw new Error(`program value ${id} is read before it is computed`);
    return value;
  }

  readClear = (id: number): NdArray => {
    const value = this.clear.get(id);
    if (!value) throw new Error(`clear program value ${id} is read before it is computed`);
    return value;
  };

  /** Runs a clear-side instruction; false for encrypted ones. */
  runClearSide(instruction: Instruction): boolean {
    if (instruction.kind === 'constant') {
      this.clear.set(
        instruction.output,
        new NdArray(
          Float64Array.from(instruction.data),
          instruction.shape,
          instruction.dtype,
          'constant',
        ),
      );
      return true;
    }
    if (instruction.kind === 'clear') {
      this.clear.set(
        instruction.output,
        getOp(instruction.op).evaluate(
          instruction.inputs.map(this.readClear),
          instruction.attrs,
          instruction,
        ),
      );
      return true;
    }
    return false;
  }

  /** The linear instruction to apply (clear-linear weights resolved for this run's clear values). */
  linearOf(instruction: Instruction): LinearInstruction | undefined {
    if (instruction.kind === 'linear') return instruction;
    if (instruction.kind === 'clear-linear') return resolveClearLinear(instruction, this.readClear);
    return undefined;
  }

  /** Stores a result and frees the values this step read for the last time. */
  finish(instruction: Instruction, step: number, result: readonly T[]): void {
    this.encrypted.set(instruction.output, result);
    for (const id of new Set(encryptedReads(instruction))) {
      if (this.lastUse.get(id) === step && this.release) {
        this.release(this.read(id));
        this.encrypted.delete(id);
      }
    }
  }

  outputs(): T[][] {
    return this.program.outputs.map(({ value }) => [...this.read(value)]);
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
  const state = new RunState(program, inputs, backend.release);
  program.instructions.forEach((instruction, step) => {
    if (state.runClearSide(instruction)) return;
    const linear = state.linearOf(instruction);
    const result = linear
      ? backend.linear(
          linear,
          linear.sources.map((id) => state.read(id)),
        )
      : backend.lookup(
          instruction as LookupInstruction,
          state.read((instruction as LookupInstruction).input),
        );
    state.finish(instruction, step, result);
  });
  return state.outputs();
}

/** interpret with lookups that complete asynchronously; `onStep(done, total)` after each instruction. */
export async function interpretAsync<T>(
  program: FheProgram,
  inputs: readonly (readonly T[] | NdArray)[],
  backend: AsyncBackend<T>,
  onStep?: (done: number, total: number) => void,
): Promise<T[][]> {
  const state = new RunState(program, inputs, backend.release);
  const total = program.instructions.length;
  for (let step = 0; step < total; step++) {
    const instruction = program.instructions[step] as Instruction;
    const batch = backend.lookupBatch ? independentLookups(program.instructions, step) : [];
    if (batch.length > 1 && backend.lookupBatch) {
      const results = await backend.lookupBatch(
        batch,
        batch.map((lookup) => state.read(lookup.input)),
      );
      batch.forEach((lookup, k) => {
        state.finish(lookup, step + k, results[k] as T[]);
        onStep?.(step + k + 1, total);
      });
      step += batch.length - 1;
      continue;
    }
    if (!state.runClearSide(instruction)) {
      const linear = state.linearOf(instruction);
      const result = linear
        ? backend.linear(
            linear,
            linear.sources.map((id) => state.read(id)),
          )
        : await backend.lookup(
            instruction as LookupInstruction,
            state.read((instruction as LookupInstruction).input),
          );
      state.finish(instruction, step, result);
    }
    onStep?.(step + 1, total);
  }
  return state.outputs();
}

/** The run of consecutive lookup instructions from `start` that read none of each other's outputs. */
function independentLookups(
  instructions: readonly Instruction[],
  start: number,
): LookupInstruction[] {
  const batch: LookupInstruction[] = [];
  const produced = new Set<number>();
  for (let i = start; i < instructions.length; i++) {
    const instruction = instructions[i] as Instruction;
    if (instruction.kind !== 'lookup' || produced.has(instruction.input)) break;
    batch.push(instruction);
    produced.add(instruction.output);
  }
  return batch;
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
