import type { FheProgram } from '../program/program.js';

/** The 2-norms the parameter choice needs, in units of a fresh (or bootstrapped) ciphertext's noise. */
export interface NoiseNorms {
  /** Largest 2-norm of the clear weights accumulated before any lookup. */
  readonly maxLookupNorm2: number;
  /** Largest 2-norm accumulated on a returned value (decrypted without a bootstrap). */
  readonly maxOutputNorm2: number;
}

/**
 * Propagates noise variance factors: inputs and lookup outputs carry 1 (a fresh encryption or
 * a bootstrap), a linear row carries sum of weight^2 times its sources' factors. The norm fed
 * to a lookup is the square root of the largest factor it reads.
 */
export function noiseNorms(program: FheProgram): NoiseNorms {
  const factors = new Map<number, Float64Array>();
  for (const input of program.inputs) {
    factors.set(input.value, new Float64Array(input.shape.reduce((a, b) => a * b, 1)).fill(1));
  }
  let maxLookup = 0;
  for (const instruction of program.instructions) {
    if (instruction.kind === 'linear') {
      const out = new Float64Array(instruction.bias.length);
      for (let row = 0; row < out.length; row++) {
        for (
          let t = instruction.rowStart[row] as number;
          t < (instruction.rowStart[row + 1] as number);
          t++
        ) {
          const source = factors.get(
            instruction.sources[instruction.termSource[t] as number] as number,
          );
          const weight = instruction.termWeight[t] as number;
          out[row] =
            (out[row] as number) +
            weight * weight * (source?.[instruction.termElement[t] as number] ?? 1);
        }
      }
      factors.set(instruction.output, out);
    } else if (instruction.kind === 'clear-linear') {
      // Run-time weights: bounded by the largest row norm seen on the inputset.
      let input = 0;
      for (const operand of instruction.operands)
        if (operand.encrypted)
          for (const f of factors.get(operand.value) ?? []) input = Math.max(input, f);
      const size = instruction.shape.reduce((a, b) => a * b, 1);
      factors.set(
        instruction.output,
        new Float64Array(size).fill(instruction.maxNorm2 ** 2 * input),
      );
    } else if (instruction.kind === 'lookup') {
      const input = factors.get(instruction.input);
      for (const element of instruction.element)
        maxLookup = Math.max(maxLookup, input?.[element] ?? 1);
      factors.set(instruction.output, new Float64Array(instruction.element.length).fill(1));
    }
  }
  let maxOutput = 0;
  for (const output of program.outputs)
    for (const f of factors.get(output.value) ?? []) maxOutput = Math.max(maxOutput, f);
  return { maxLookupNorm2: Math.sqrt(maxLookup), maxOutputNorm2: Math.sqrt(maxOutput) };
}
