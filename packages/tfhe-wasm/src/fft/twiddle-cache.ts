import type { TfheExports } from '../wasm-module.js';

/**
 * Twiddle tables, one per polynomial size, computed once and kept for the life of the module
 * (fftTwiddlesBytes: 28N + 48 bytes, 448 KiB for N = 16384). Keys and ciphertexts of a size share its table.
 */
const tables = new WeakMap<TfheExports, Map<number, number>>();

export function twiddlesFor(tfhe: TfheExports, polynomialSize: number): number {
  let bySize = tables.get(tfhe);
  if (!bySize) {
    bySize = new Map();
    tables.set(tfhe, bySize);
  }
  let ptr = bySize.get(polynomialSize);
  if (ptr === undefined) {
    ptr = tfhe.allocator.alloc(tfhe.fftTwiddlesBytes(polynomialSize));
    tfhe.fftInitTwiddles(ptr, polynomialSize);
    bySize.set(polynomialSize, ptr);
  }
  return ptr;
}
