/**
 * FFT micro-benchmark on the raw kernels: one forward transform of an i64 polynomial, and one
 * negacyclic product (forward + pointwise multiply-accumulate + backward) against a
 * precomputed transform, as in the external product. Best of 15 rounds, microseconds.
 */
export function benchFft(tfhe, sizes) {
  const results = [];
  for (const n of sizes) {
    const { allocator } = tfhe;
    const tw = allocator.alloc(tfhe.fftTwiddlesBytes(n));
    tfhe.fftInitTwiddles(tw, n);
    const [input, a, b, acc, out] = [0, 1, 2, 3, 4].map(() => allocator.allocZeroed(n * 8));
    const coefficients = new BigInt64Array(tfhe.memory.buffer, input, n);
    for (let i = 0; i < n; i++) coefficients[i] = BigInt((i * 7919) % 4096) - 2048n;
    tfhe.fftForwardI64(b, input, n, tw);
    const iterations = Math.max(50, Math.round(2_000_000 / n));
    const best = (run) => {
      let min = Infinity;
      for (let round = 0; round < 15; round++) {
        const t = performance.now();
        for (let i = 0; i < iterations; i++) run();
        min = Math.min(min, ((performance.now() - t) / iterations) * 1000);
      }
      return Math.round(min * 100) / 100;
    };
    const forwardUs = best(() => tfhe.fftForwardI64(a, input, n, tw));
    const productUs = best(() => {
      tfhe.fftForwardI64(a, input, n, tw);
      tfhe.fourierZero(acc, n);
      tfhe.fourierMulAdd(acc, a, b, n);
      tfhe.fftBackwardAddU64(out, acc, n, tw, 0);
    });
    results.push({ polynomialSize: n, forwardUs, productUs });
    for (const p of [tw, input, a, b, acc, out]) allocator.release(p);
  }
  return results;
}
