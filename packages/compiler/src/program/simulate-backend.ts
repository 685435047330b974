import { linearRows, tableIndex } from './clear-backend.js';
import type { Backend } from './interpreter.js';
import type { LookupInstruction } from './program.js';
import { SeededRandom } from './seeded-random.js';

export interface SimulationOptions {
  /**
   * What a lookup outside its window does: 'error' (default) throws OutOfBoundsError; 'wrap'
   * reproduces the ciphertext: the index is taken modulo 2^(P+1) and, when the padding bit is
   * set, the negacyclic bootstrap returns the negated entry.
   */
  readonly onOverflow?: 'error' | 'wrap';
  /**
   * Failure probability of one lookup; a failure reads a neighbouring table entry (the
   * neighbouring box of an approximate rounded lookup). Default 0;
   * 'circuit' uses the modelled failure probability of the circuit's parameters
   * (Circuit.simulateWith only).
   */
  readonly pError?: number | 'circuit';
  /** Seed of the error-injection generator. */
  readonly seed?: number;
}

/**
 * The FHE encodings on clear integers: every value is kept modulo 2^(P+1) (P message bits and
 * the padding bit), in [-2^P, 2^P), exactly as the phase of a ciphertext divided by Delta.
 */
export function simulateBackend(
  precision: number,
  options: SimulationOptions = {},
): Backend<number> & { failures: number } {
  const windowSize = 2 ** precision;
  const modulus = 2 * windowSize;
  const reduce = (v: number): number => {
    const r = ((v % modulus) + modulus) % modulus;
    return r >= windowSize ? r - modulus : r;
  };
  const random = new SeededRandom(options.seed ?? 0);
  const pError = typeof options.pError === 'number' ? options.pError : 0;
  const state = {
    failures: 0,
    linear: (
      instruction: Parameters<Backend<number>['linear']>[0],
      sources: readonly (readonly number[])[],
    ) =>
      linearRows(
        instruction,
        sources,
        (b) => reduce(b),
        (acc, w, v) => reduce(acc + w * v),
      ),
    lookup: (instruction: LookupInstruction, input: readonly number[]) =>
      instruction.element.map((element, i) => {
        const table = instruction.tables[instruction.tableOf[i] as number] as readonly number[];
        const phase = reduce((input[element] as number) + instruction.inputOffset);
        const raw = phase < 0 ? phase + modulus : phase;
        if (options.onOverflow !== 'wrap')
          tableIndex(instruction, raw - instruction.inputOffset, windowSize);
        // The bootstrap's cells: single indices, or boxes of 2^(P - tableBits) indices centred on
        // multiples of the box (approximate rounding), over the negacyclic cycle of 2^(P+1).
        const box = 2 ** (precision - (instruction.tableBits ?? precision));
        const cells = windowSize / box;
        let cell = Math.floor((raw + (box > 1 ? box / 2 : 0)) / box) % (2 * cells);
        if (pError > 0 && random.next() < pError) {
          state.failures++;
          cell = (cell + (random.next() < 0.5 ? 2 * cells - 1 : 1)) % (2 * cells);
        }
        const stored = (table[(cell % cells) * box] as number) - instruction.outputOffset;
        return reduce((cell >= cells ? -stored : stored) + instruction.outputOffset);
      }),
  };
  return state;
}
