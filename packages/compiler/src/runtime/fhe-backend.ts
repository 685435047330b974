import {
  applyRoundedLookupTableBatch,
  applyRoundedLookupTableBatchInPool,
  dotProduct,
  initTfhe,
  type LweCiphertext,
  matrixVectorProduct,
  TfheInitError,
  type EvaluationKeys,
  type TfheExports,
  type WorkerPool,
} from '@cml/tfhe-wasm';
import { CircuitUsageError } from '../errors.js';
import { linearRows } from '../program/clear-backend.js';
import type { AsyncBackend } from '../program/interpreter.js';
import type { LinearInstruction, LookupInstruction } from '../program/program.js';

let runtime: TfheExports | undefined;

/**
 * Node has SharedArrayBuffer everywhere: there the shared-memory build is loaded by default,
 * so a circuit compiled later with `poolSize` still finds a core its workers can share (the
 * first load fixes the build for the whole process). Browsers keep the single-threaded build
 * unless asked: threads need cross-origin isolation there.
 */
function threadsByDefault(): boolean {
  const node = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  return node && typeof SharedArrayBuffer === 'function';
}

/**
 * Loads the WASM core (once); the FHE back end needs it. `threads: true` requires the
 * shared-memory build the worker pool needs (an error if the process already loaded the
 * single-threaded one); left undefined, the shared build is preferred in Node and the core
 * already loaded is used as it is.
 */
export async function loadTfhe(threads?: boolean): Promise<TfheExports> {
  if (runtime && (runtime.threads || threads !== true)) return runtime;
  const shared = threads ?? threadsByDefault();
  try {
    runtime = await initTfhe(shared ? { threads: true } : {});
  } catch (error) {
    // Another part of the process loaded the single-threaded core first: use it.
    if (threads !== undefined || !(error instanceof TfheInitError)) throw error;
    runtime = await initTfhe();
  }
  return runtime;
}

function tfhe(): TfheExports {
  if (!runtime)
    throw new CircuitUsageError(
      'the TFHE core is not loaded: call `await circuit.keygen()` (or `await loadTfhe()`) first',
    );
  return runtime;
}

/**
 * Adds value * Delta to the phase in place, for any integer value (LweCiphertext.addScalar
 * only takes P-bit messages, which loses the padding bit of negative values).
 */
export function addToPhase(ct: LweCiphertext, value: number, precision: number): LweCiphertext {
  if (value !== 0) {
    const plaintext = BigInt.asUintN(64, BigInt(value) << BigInt(63 - precision));
    tfhe().lweAddPlaintextAssign(ct.ptr, plaintext, ct.lweDimension);
  }
  return ct;
}

/** Adds half a P-bit step (2^(62-P)) to the phase. */
function addHalfStep(ct: LweCiphertext, precision: number): void {
  tfhe().lweAddPlaintextAssign(ct.ptr, 1n << BigInt(62 - precision), ct.lweDimension);
}

/** The bootstrap table of a box-constant P-bit table: one entry per box of 2^boxBits, read at its centre. */
const boxTables = new WeakMap<readonly number[], Map<number, number[]>>();

function boxTable(table: readonly number[], boxBits: number): number[] {
  let byBits = boxTables.get(table);
  if (!byBits) boxTables.set(table, (byBits = new Map()));
  let small = byBits.get(boxBits);
  if (!small) {
    const box = 2 ** boxBits;
    small = Array.from({ length: table.length / box }, (_, j) => table[j * box] as number);
    byBits.set(boxBits, small);
  }
  return small;
}

/** Tables as bootstraps store them: entry - outputOffset, in [0, 2^P). */
const storedTables = new WeakMap<LookupInstruction, number[][]>();

function tablesOf(instruction: LookupInstruction): number[][] {
  let tables = storedTables.get(instruction);
  if (!tables) {
    tables = instruction.tables.map((table) => table.map((t) => t - instruction.outputOffset));
    storedTables.set(instruction, tables);
  }
  return tables;
}

/**
 * The program on ciphertexts. A linear row is one dot product of its ciphertexts with clear
 * weights, plus its bias added to the phase; a lookup element shifts its input by
 * inputOffset, keyswitches and bootstraps with its table, then adds outputOffset back.
 * All elements of a lookup instruction are independent: one batch call, spread over the
 * worker pool when there is one.
 */
export function fheBackend(
  keys: EvaluationKeys,
  precision: number,
  zero: LweCiphertext,
  pool?: WorkerPool,
): AsyncBackend<LweCiphertext> {
  /**
   * Every element of the instructions as one batch per bootstrap kind (full P-bit tables, or
   * 2^tableBits boxes for approximate rounding), spread over the pool when there is one.
   */
  const lookupBatch = async (
    instructions: readonly LookupInstruction[],
    inputs: readonly (readonly LweCiphertext[])[],
  ): Promise<LweCiphertext[][]> => {
    // Per bootstrap kind: the shifted inputs, their tables and where each result goes.
    const groups = new Map<
      number,
      { cts: LweCiphertext[]; tables: number[][]; slots: [number, number][] }
    >();
    const results = instructions.map(
      (instruction) => new Array<LweCiphertext>(instruction.element.length),
    );
    instructions.forEach((instruction, k) => {
      const tableBits = instruction.tableBits ?? precision;
      const stored = tablesOf(instruction);
      const group = groups.get(tableBits) ?? { cts: [], tables: [], slots: [] };
      groups.set(tableBits, group);
      instruction.element.forEach((element, i) => {
        const ct = ((inputs[k] as readonly LweCiphertext[])[element] as LweCiphertext).clone();
        addToPhase(ct, instruction.inputOffset, precision);
        // Half a step: indices sit between box boundaries, never on one.
        if (tableBits < precision) addHalfStep(ct, precision);
        group.cts.push(ct);
        group.tables.push(stored[instruction.tableOf[i] as number] as number[]);
        group.slots.push([k, i]);
      });
    });
    try {
      for (const [tableBits, group] of groups) {
        const out = await bootstrap(group.cts, group.tables, tableBits);
        out.forEach((ct, j) => {
          const [k, i] = group.slots[j] as [number, number];
          (results[k] as LweCiphertext[])[i] = addToPhase(
            ct,
            (instructions[k] as LookupInstruction).outputOffset,
            precision,
          );
        });
      }
      return results;
    } finally {
      for (const group of groups.values()) for (const ct of group.cts) ct.dispose();
    }
  };

  const bootstrap = (
    cts: LweCiphertext[],
    tables: number[][],
    tableBits: number,
  ): Promise<LweCiphertext[]> | LweCiphertext[] => {
    if (tableBits >= precision)
      return pool
        ? keys.applyLookupTableBatchInPool(cts, tables, pool)
        : keys.applyLookupTableBatch(cts, tables);
    const small = tables.map((table) => boxTable(table, precision - tableBits));
    return pool
      ? applyRoundedLookupTableBatchInPool(keys, cts, small, tableBits, pool)
      : applyRoundedLookupTableBatch(keys, cts, small, tableBits);
  };

  return {
    linear: (instruction, sources) => {
      const dense = denseMatrix(instruction, sources);
      if (dense) {
        const out = matrixVectorProduct(dense.matrix, dense.cts);
        return out.map((ct, row) => addToPhase(ct, instruction.bias[row] as number, precision));
      }
      const rows = linearRows<
        LweCiphertext,
        { cts: LweCiphertext[]; weights: number[]; bias: number }
      >(
        instruction,
        sources,
        (bias) => ({ cts: [], weights: [], bias }),
        (acc, weight, ct) => {
          acc.cts.push(ct);
          acc.weights.push(weight);
          return acc;
        },
      );
      return rows.map(({ cts, weights, bias }) => {
        const sum = cts.length > 0 ? dotProduct(cts, weights) : zero.mulScalar(0);
        return addToPhase(sum, bias, precision);
      });
    },
    lookup: async (instruction, input) => {
      const [out] = await lookupBatch([instruction], [input]);
      return out as LweCiphertext[];
    },
    lookupBatch: (instructions, inputs) => lookupBatch(instructions, inputs),
    release: (values) => {
      for (const ct of values) ct.dispose();
    },
  };
}

/**
 * A linear instruction whose rows mostly read the same ciphertexts (a dense layer) as one
 * matrix over the ciphertexts they read: one matrix-vector kernel call copies each input once
 * instead of once per row. Undefined when the rows are sparse (movements, convolutions).
 */
function denseMatrix(
  instruction: LinearInstruction,
  sources: readonly (readonly LweCiphertext[])[],
): { matrix: number[][]; cts: LweCiphertext[] } | undefined {
  const rows = instruction.bias.length;
  const terms = instruction.termWeight.length;
  if (rows < 2 || terms === 0) return undefined;
  const column = new Map<string, number>();
  const cts: LweCiphertext[] = [];
  for (let t = 0; t < terms; t++) {
    const key = `${instruction.termSource[t]}:${instruction.termElement[t]}`;
    if (!column.has(key)) {
      column.set(key, cts.length);
      cts.push(
        sources[instruction.termSource[t] as number]?.[
          instruction.termElement[t] as number
        ] as LweCiphertext,
      );
    }
  }
  if (terms < DENSE_FRACTION * rows * cts.length) return undefined;
  const matrix = Array.from({ length: rows }, () => new Array<number>(cts.length).fill(0));
  for (let row = 0; row < rows; row++) {
    for (
      let t = instruction.rowStart[row] as number;
      t < (instruction.rowStart[row + 1] as number);
      t++
    ) {
      const c = column.get(`${instruction.termSource[t]}:${instruction.termElement[t]}`) as number;
      (matrix[row] as number[])[c] =
        ((matrix[row] as number[])[c] as number) + (instruction.termWeight[t] as number);
    }
  }
  return { matrix, cts };
}

/** Rows reading at least this fraction of the instruction's inputs on average go through the matrix kernel. */
const DENSE_FRACTION = 0.5;
