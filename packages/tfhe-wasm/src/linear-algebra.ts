import { ParameterMismatchError, ValueOutOfRangeError } from './errors.js';
import { LweCiphertext, toI64 } from './lwe-ciphertext.js';
import { tfheRuntime } from './wasm-module.js';

/**
 * Clear-integer linear algebra on big-key ciphertexts (the compiler's linear layers):
 *   dotProduct(cts, w)        = sum_i w_i * ct_i
 *   matrixVectorProduct(W, x) = [sum_c W[r][c] * x_c for each row r]
 * computed in one kernel call over ciphertexts gathered into one contiguous block.
 * The noise variance grows by the squared 2-norm of each row of weights.
 */
export function dotProduct(cts: readonly LweCiphertext[], weights: readonly (number | bigint)[]): LweCiphertext {
  const [out] = matrixVectorProduct([weights], cts);
  return out!;
}

export function matrixVectorProduct(
  matrix: readonly (readonly (number | bigint)[])[],
  cts: readonly LweCiphertext[],
): LweCiphertext[] {
  const first = cts[0];
  if (!first) throw new ValueOutOfRangeError('matrixVectorProduct needs at least one ciphertext');
  for (const ct of cts) ct.assertUsable(first.params, first.keyKind, 'matrixVectorProduct');
  for (const ct of cts) {
    if (ct.precision !== first.precision) throw new ParameterMismatchError('matrixVectorProduct: precisions differ');
  }
  const rows = matrix.length;
  const cols = cts.length;
  matrix.forEach((row, r) => {
    if (row.length !== cols) throw new ValueOutOfRangeError(`matrix row ${r} has ${row.length} weights for ${cols} ciphertexts`);
  });
  const tfhe = tfheRuntime();
  const words = first.words;
  const inputs = tfhe.allocator.alloc(cols * words * 8);
  const weights = tfhe.allocator.alloc(Math.max(1, rows * cols) * 8);
  const outputs = tfhe.allocator.alloc(Math.max(1, rows) * words * 8);
  try {
    const w = new BigInt64Array(tfhe.memory.buffer, weights, rows * cols);
    matrix.forEach((row, r) => row.forEach((v, c) => (w[r * cols + c] = toI64(v, `weight [${r}][${c}]`))));
    const bytes = new Uint8Array(tfhe.memory.buffer);
    cts.forEach((ct, i) => bytes.copyWithin(inputs + i * words * 8, ct.ptr, ct.ptr + words * 8));
    tfhe.lweMatrixVectorProduct(outputs, weights, inputs, rows, cols, words);
    return Array.from({ length: rows }, (_, r) => {
      const out = new LweCiphertext(tfhe, first.params, first.keyKind, first.precision);
      new Uint8Array(tfhe.memory.buffer).copyWithin(out.ptr, outputs + r * words * 8, outputs + (r + 1) * words * 8);
      return out;
    });
  } finally {
    tfhe.allocator.release(inputs);
    tfhe.allocator.release(weights);
    tfhe.allocator.release(outputs);
  }
}
