import { OutOfBoundsError } from '../errors.js';
import type { Backend } from './interpreter.js';
import type { LinearInstruction, LookupInstruction } from './program.js';

/** out[i] = bias[i] + sum of weight * source element over row i, on any scalar ring. */
export function linearRows<T, A = T>(
  instruction: LinearInstruction,
  sources: readonly (readonly T[])[],
  zero: (bias: number) => A,
  multiplyAdd: (accumulator: A, weight: number, value: T) => A,
): A[] {
  const out: A[] = [];
  for (let row = 0; row < instruction.bias.length; row++) {
    let accumulator = zero(instruction.bias[row] as number);
    for (
      let t = instruction.rowStart[row] as number;
      t < (instruction.rowStart[row + 1] as number);
      t++
    ) {
      const value = sources[instruction.termSource[t] as number]?.[
        instruction.termElement[t] as number
      ] as T;
      accumulator = multiplyAdd(accumulator, instruction.termWeight[t] as number, value);
    }
    out.push(accumulator);
  }
  return out;
}

/** The table index of element i, or an OutOfBoundsError naming the value and the window. */
export function tableIndex(
  instruction: LookupInstruction,
  value: number,
  windowSize: number,
): number {
  const index = value + instruction.inputOffset;
  if (index < 0 || index >= windowSize) {
    throw new OutOfBoundsError(
      `a table lookup received ${value}, outside the compiled range [${-instruction.inputOffset}, ${windowSize - 1 - instruction.inputOffset}]: ` +
        'the input is outside the range of the inputset the circuit was compiled with',
    );
  }
  return index;
}

/** Exact integers: the reference the other back ends are checked against. */
export function clearBackend(precision: number): Backend<number> {
  const windowSize = 2 ** precision;
  return {
    linear: (instruction, sources) =>
      linearRows(
        instruction,
        sources,
        (b) => b,
        (acc, w, v) => acc + w * v,
      ),
    lookup: (instruction, input) =>
      instruction.element.map((element, i) => {
        const table = instruction.tables[instruction.tableOf[i] as number] as readonly number[];
        return table[tableIndex(instruction, input[element] as number, windowSize)] as number;
      }),
  };
}
