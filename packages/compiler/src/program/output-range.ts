import { OutOfBoundsError } from '../errors.js';
import type { FheProgram } from './program.js';

/**
 * Throws OutOfBoundsError when an exact output value cannot be decrypted: ciphertexts carry P
 * message bits, so an output must lie in [0, 2^P) (unsigned) or [-2^(P-1), 2^(P-1)) (signed).
 * A value outside came from an input outside the inputset's range; encrypted, it would wrap
 * silently, so the clear and simulated runs say so instead.
 */
export function checkOutputRanges(
  program: Pick<FheProgram, 'outputs' | 'precision'>,
  flat: readonly (readonly number[])[],
): void {
  const size = 2 ** program.precision;
  program.outputs.forEach((output, k) => {
    const [lo, hi] = output.signed ? [-size / 2, size / 2 - 1] : [0, size - 1];
    (flat[k] ?? []).forEach((value, i) => {
      if (value < lo || value > hi) {
        throw new OutOfBoundsError(
          `output ${k} element ${i} is ${value}, outside the ${program.precision}-bit range [${lo}, ${hi}] the circuit decrypts: ` +
            'the input is outside the range of the inputset the circuit was compiled with',
        );
      }
    });
  });
}
