import { fourierImagIndex, fourierRealIndex } from '../fft/fourier-layout.js';
import { twiddlesFor } from '../fft/twiddle-cache.js';
import type { TfheExports } from '../wasm-module.js';

/** Where the multi-bit blind rotation reads the transform of a monomial X^e (assembly/algorithms/multi-bit-blind-rotation.ts). */
export interface MonomialTables {
  /** i32[N/2]: slot m of the negacyclic FFT evaluates at zeta_m = e^(i pi r_m / N), r_m odd. */
  readonly slotExponents: number;
  /** (cos, sin)(pi t / N) as adjacent f64 pairs, t in [0, 2N) (one cache line per lookup). */
  readonly roots: number;
}

/** The FFT's evaluation points are not what this module expected (a changed transform layout). */
export class FourierLayoutError extends Error {
  override readonly name = 'FourierLayoutError';
}

const cache = new WeakMap<TfheExports, Map<number, MonomialTables>>();

/**
 * The tables for polynomial size N, computed once per module and kept (10N bytes). r_m is read
 * off the transform of X itself (slot m holds zeta_m): whatever order the FFT leaves its
 * outputs in, the table follows it. The transform of 1 must be 1 in every slot (an
 * unscaled evaluation), or products with X^e - 1 would be off by a factor.
 */
export function monomialTablesFor(tfhe: TfheExports, polynomialSize: number): MonomialTables {
  let bySize = cache.get(tfhe);
  if (!bySize) {
    bySize = new Map();
    cache.set(tfhe, bySize);
  }
  const known = bySize.get(polynomialSize);
  if (known) return known;
  const tables = buildTables(tfhe, polynomialSize);
  bySize.set(polynomialSize, tables);
  return tables;
}

function buildTables(tfhe: TfheExports, polynomialSize: number): MonomialTables {
  const n = polynomialSize;
  const half = n / 2;
  const twiddles = twiddlesFor(tfhe, n);
  const { allocator } = tfhe;
  const poly = allocator.allocZeroed(n * 8);
  const fourier = allocator.alloc(n * 8);
  const exponents = new Int32Array(half);
  try {
    for (const power of [0, 1]) {
      new BigInt64Array(tfhe.memory.buffer, poly, n).fill(0n)[power] = 1n;
      tfhe.fftForwardI64(fourier, poly, n, twiddles);
      const values = new Float64Array(tfhe.memory.buffer, fourier, n);
      for (let m = 0; m < half; m++) {
        const re = values[fourierRealIndex(m)]!;
        const im = values[fourierImagIndex(m)]!;
        if (Math.abs(Math.hypot(re, im) - 1) > 1e-9) throw new FourierLayoutError(`slot ${m} of the transform of X^${power} is not on the unit circle`);
        if (power === 0) {
          if (Math.abs(re - 1) > 1e-9) throw new FourierLayoutError(`slot ${m} of the transform of 1 is ${re} + ${im}i, not 1`);
          continue;
        }
        const r = (Math.round((Math.atan2(im, re) * n) / Math.PI) + 2 * n) % (2 * n);
        if (r % 2 !== 1) throw new FourierLayoutError(`slot ${m} evaluates at an even power ${r} of e^(i pi / N)`);
        exponents[m] = r;
      }
    }
  } finally {
    allocator.release(poly);
    allocator.release(fourier);
  }
  const slotExponents = allocator.alloc(half * 4);
  new Int32Array(tfhe.memory.buffer, slotExponents, half).set(exponents);
  const roots = allocator.alloc(4 * n * 8);
  const table = new Float64Array(tfhe.memory.buffer, roots, 4 * n);
  for (let t = 0; t < 2 * n; t++) {
    table[2 * t] = Math.cos((Math.PI * t) / n);
    table[2 * t + 1] = Math.sin((Math.PI * t) / n);
  }
  return { slotExponents, roots };
}
