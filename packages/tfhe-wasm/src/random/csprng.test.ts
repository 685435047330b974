import { beforeAll, describe, expect, it } from '@jest/globals';
import { chacha20 } from '@noble/ciphers/chacha.js';
import { erfc } from '../noise/erfc.js';
import { Csprng } from './csprng.js';
import { CsprngError } from './csprng-error.js';
import { randomSeed } from './random-seed.js';
import { loadRandomTestRuntime, type RandomTestRuntime } from './__fixtures__/random-test-runtime.js';

const seedA = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
const seedB = Uint8Array.from({ length: 32 }, (_, i) => (i * 91 + 5) & 0xff);

/** Independent reference: RFC 8439 ChaCha20 with nonce 0x00000000 || stream (LE), counter 0. */
function referenceWords(seed: Uint8Array, stream: bigint, count: number): BigUint64Array {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setBigUint64(4, stream, true);
  const bytes = chacha20(seed, nonce, new Uint8Array(count * 8), undefined, 0);
  return new BigUint64Array(bytes.buffer, bytes.byteOffset, count);
}

/**
 * Counts of samples / scale in the 82 bins (-inf, -4), [-4, -3.9), ..., [3.9, 4), [4, inf), and
 * how many exceed R = 3.6541528853610088 in absolute value (the ziggurat's tail path).
 */
function binStandardized(samples: Float64Array, scale: number): { seen: Float64Array; beyondTail: number } {
  const seen = new Float64Array(82);
  let beyondTail = 0;
  // No Math.* calls in this loop: under Jest's VM context they cost ~1 us each.
  for (let i = 0; i < samples.length; i++) {
    const z = samples[i]! / scale;
    const position = (z + 4) * 10 + 1;
    const bin = position < 0 ? 0 : position >= 81 ? 81 : position | 0;
    seen[bin] = seen[bin]! + 1;
    if (z > 3.6541528853610088 || z < -3.6541528853610088) beyondTail++;
  }
  return { seen, beyondTail };
}

describe('Csprng (ChaCha20 generator in WASM)', () => {
  let rt: RandomTestRuntime;
  let statePtr: number;
  let otherStatePtr: number;
  let bufPtr: number;
  const bufWords = 1 << 20; // 8 MiB

  beforeAll(async () => {
    rt = await loadRandomTestRuntime();
    statePtr = rt.alloc(Csprng.stateBytes(rt.kernels));
    otherStatePtr = rt.alloc(Csprng.stateBytes(rt.kernels));
    bufPtr = rt.alloc(bufWords * 8);
  });

  const testGenerator = (seed: Uint8Array = seedA, stream = 0n, at = statePtr): Csprng =>
    Csprng.seededForTestsOnly(rt.kernels, at, seed, stream);

  it('produces the ChaCha20 keystream of (seed, stream) whatever the mix of calls', () => {
    const stream = 0x0123456789abcdefn;
    const rng = testGenerator(seedA, stream);
    const expected = referenceWords(seedA, stream, 100_000);
    const got: bigint[] = [];
    const chunks = [1, 3, 31, 32, 33, 64, 1000, 7, 25_000];
    let next = 0;
    for (const chunk of chunks) {
      got.push(rng.nextU64());
      rng.fillU64(bufPtr, chunk);
      got.push(...rt.u64View(bufPtr, chunk));
      next += chunk + 1;
    }
    rng.fillU64(bufPtr, expected.length - next);
    got.push(...rt.u64View(bufPtr, expected.length - next));
    expect(got.length).toBe(expected.length);
    expect(got.every((word, i) => word === expected[i])).toBe(true);
  });

  it('carries the block counter from word 12 into word 13 after 2^32 blocks (64-bit counter)', () => {
    const stream = 77n;
    const rng = testGenerator(seedA, stream); // fresh: buffer empty
    // Documented state layout: the u64 block counter sits at +32; jump to block 2^32 - 4.
    new DataView(rt.kernels.memory.buffer, statePtr, 64).setBigUint64(32, (1n << 32n) - 4n, true);
    rng.fillU64(bufPtr, 96); // blocks 2^32-4 .. 2^32+7
    const words = rt.u64View(bufPtr, 96);
    const nonceBefore = new Uint8Array(12);
    new DataView(nonceBefore.buffer).setBigUint64(4, stream, true);
    const nonceAfter = nonceBefore.slice();
    nonceAfter[0] = 1; // word 13 = high half of the counter
    const before = chacha20(seedA, nonceBefore, new Uint8Array(3 * 64), undefined, 2 ** 32 - 4);
    const after = chacha20(seedA, nonceAfter, new Uint8Array(8 * 64), undefined, 0);
    expect(words.slice(0, 24)).toEqual(new BigUint64Array(before.buffer));
    expect(words.slice(32, 96)).toEqual(new BigUint64Array(after.buffer));
  });

  it('gives unrelated streams for another seed or another stream number', () => {
    const words = (seed: Uint8Array, stream: bigint): bigint[] => {
      const rng = testGenerator(seed, stream);
      return Array.from({ length: 64 }, () => rng.nextU64());
    };
    const base = words(seedA, 0n);
    for (const other of [words(seedA, 1n), words(seedB, 0n)]) {
      expect(other.filter((w, i) => w === base[i]).length).toBe(0);
    }
    expect(words(seedA, 0n)).toEqual(base);
  });

  it('fills bytes that pass a chi-square uniformity test (p < 1e-9 bounds, 255 dof)', () => {
    testGenerator(seedB, 9n).fillU64(bufPtr, bufWords);
    const bytes = rt.bytes(bufPtr, bufWords * 8);
    const counts = new Float64Array(256);
    for (const b of bytes) counts[b]! += 1;
    const expected = bytes.length / 256;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    // Wilson-Hilferty quantiles of chi2(255) at 1e-9 and 1 - 1e-9.
    expect(chi2).toBeGreaterThan(142);
    expect(chi2).toBeLessThan(415);
  });

  it('sets every bit position of the u64 words half of the time (6.1 sigma bound)', () => {
    const count = 1 << 16;
    testGenerator(seedA, 77n).fillU64(bufPtr, count);
    const halves = new Uint32Array(rt.kernels.memory.buffer, bufPtr, 2 * count); // low, high half of each word
    const ones = new Float64Array(64);
    halves.forEach((half, i) => {
      for (let bit = 0; bit < 32; bit++) ones[32 * (i & 1) + bit]! += (half >>> bit) & 1;
    });
    for (const n of ones) expect(Math.abs(n - count / 2)).toBeLessThan(6.1 * (Math.sqrt(count) / 2));
  });

  it('fills binary keys with 0/1 words taken bit by bit from the keystream, balanced', () => {
    const count = 100_003;
    testGenerator(seedB, 5n).fillBinaryU64(bufPtr, count);
    const bits = rt.u64View(bufPtr, count).slice();
    const keystream = referenceWords(seedB, 5n, Math.ceil(count / 64));
    expect(bits.every((b, i) => b === ((keystream[i >> 6]! >> BigInt(i & 63)) & 1n))).toBe(true);
    const ones = bits.reduce((acc, b) => acc + Number(b), 0);
    expect(Math.abs(ones - count / 2)).toBeLessThan(6.1 * (Math.sqrt(count) / 2));
  });

  /**
   * Published sigmas (tfhe-rs v0_11 KS_PBS 2^-64 sets, torus-normalized) and a few others.
   * Integer-domain noise has std dev sigma * 2^64; rounding to integers adds variance 1/12.
   */
  const sigmas = [
    2.540544392252957e-5, 8.868480365938865e-6, 2.389876747499049e-6, 3.5539902359442825e-6,
    6.221794297398788e-7, 3.0144389706858286e-7, 8.123305578333294e-8, 2.935224755982453e-8,
    1.9524392655548086e-11, 2.845267479601915e-15, 2.168404344971009e-19, 1e-3,
  ];

  it.each(sigmas)('draws Gaussians with sigma %p: mean, variance, kurtosis and 3-sigma tail in bounds', (sigma) => {
    const count = 200_000;
    const scale = sigma * 2 ** 64;
    rt.bytes(bufPtr, count * 8).fill(0);
    testGenerator(seedA, BigInt(Math.round(-Math.log2(sigma)))).addGaussianU64(bufPtr, count, sigma);
    const samples = rt.i64AsNumbers(bufPtr, count);
    let sum = 0;
    let sum2 = 0;
    let sum4 = 0;
    let beyond3 = 0;
    const variance = scale * scale + 1 / 12;
    const sd = Math.sqrt(variance);
    for (const s of samples) {
      const z = s / sd;
      sum += z;
      sum2 += z * z;
      sum4 += z ** 4;
      if (Math.abs(z) > 3) beyond3++;
    }
    const mean = sum / count;
    const m2 = sum2 / count - mean * mean;
    // 6-sigma bounds of each estimator for a normal sample of this size.
    expect(Math.abs(mean)).toBeLessThan(6 / Math.sqrt(count));
    expect(Math.abs(m2 - 1)).toBeLessThan(6 * Math.sqrt(2 / count));
    expect(Math.abs(sum4 / count / (m2 * m2) - 3)).toBeLessThan(6 * Math.sqrt(24 / count));
    // The 3-sigma tail, where rounding to integers does not move the threshold noticeably.
    if (scale > 1000) {
      const tail = 0.0026997960632601866; // P(|Z| > 3)
      expect(Math.abs(beyond3 - tail * count)).toBeLessThan(6 * Math.sqrt(tail * count));
    }
  });

  it('draws Gaussians whose distribution passes a Kolmogorov-Smirnov test against N(0, 1) (p < 1e-9 bound)', () => {
    const count = 100_000;
    const sigma = 2.540544392252957e-5;
    rt.bytes(bufPtr, count * 8).fill(0);
    testGenerator(seedB, 11n).addGaussianU64(bufPtr, count, sigma);
    const z = rt.i64AsNumbers(bufPtr, count).map((s) => s / (sigma * 2 ** 64));
    z.sort();
    let d = 0;
    z.forEach((x, i) => {
      const cdf = 0.5 * erfc(-x / Math.SQRT2);
      d = Math.max(d, Math.abs(cdf - i / count), Math.abs(cdf - (i + 1) / count));
    });
    expect(d).toBeLessThan(Math.sqrt(Math.log(2 / 1e-9) / (2 * count)));
  });

  it('draws Gaussians matching N(0, 1) in 0.1-wide bins out to 4 sigma and beyond the ziggurat tail (chi-square, 2^20 samples)', () => {
    const count = bufWords;
    const sigma = 3.0144389706858286e-7;
    rt.bytes(bufPtr, count * 8).fill(0);
    testGenerator(seedA, 14n).addGaussianU64(bufPtr, count, sigma);
    const edges = [-Infinity, ...Array.from({ length: 81 }, (_, i) => -4 + i / 10), Infinity];
    const cdf = (x: number): number => (x === -Infinity ? 0 : x === Infinity ? 1 : 0.5 * erfc(-x / Math.SQRT2));
    const { seen, beyondTail } = binStandardized(rt.i64AsNumbers(bufPtr, count), sigma * 2 ** 64);
    let chi2 = 0;
    seen.forEach((n, i) => {
      const expected = (cdf(edges[i + 1]!) - cdf(edges[i]!)) * count;
      chi2 += (n - expected) ** 2 / expected;
    });
    const dof = seen.length - 1;
    const wilsonHilferty = dof * (1 - 2 / (9 * dof) + 6 * Math.sqrt(2 / (9 * dof))) ** 3; // p = 1e-9
    expect(chi2).toBeLessThan(wilsonHilferty);
    const tailExpected = erfc(3.6541528853610088 / Math.SQRT2) * count;
    expect(Math.abs(beyondTail - tailExpected)).toBeLessThan(6 * Math.sqrt(tailExpected));
  });

  it('draws TUniform(2) with its exact law: end points at half weight (chi-square, p < 1e-9 bound)', () => {
    const count = 80_000;
    rt.bytes(bufPtr, count * 8).fill(0);
    testGenerator(seedA, 12n).addTUniformU64(bufPtr, count, 2);
    const counts = new Map<number, number>();
    for (const v of new BigInt64Array(rt.kernels.memory.buffer, bufPtr, count)) counts.set(Number(v), (counts.get(Number(v)) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    let chi2 = 0;
    for (const [value, seen] of counts) {
      const expected = (Math.abs(value) === 4 ? 1 / 16 : 1 / 8) * count;
      chi2 += (seen - expected) ** 2 / expected;
    }
    expect(chi2).toBeLessThan(61.4); // Wilson-Hilferty quantile of chi2(8) at 1 - 1e-9
  });

  it('draws TUniform(b) from b+2 keystream bits as (r >> 1) + (r & 1) - 2^b, with variance (2^(2b+1)+1)/6', () => {
    const count = 100_000;
    const b = 20;
    rt.bytes(bufPtr, count * 8).fill(0);
    testGenerator(seedB, 13n).addTUniformU64(bufPtr, count, b);
    const values = new BigInt64Array(rt.kernels.memory.buffer, bufPtr, count).slice();
    const words = referenceWords(seedB, 13n, count);
    const mask = (1n << BigInt(b + 2)) - 1n;
    expect(values.every((v, i) => v === ((words[i]! & mask) >> 1n) + (words[i]! & 1n) - (1n << BigInt(b)))).toBe(true);
    const variance = values.reduce((acc, v) => acc + Number(v) ** 2, 0) / count;
    const expected = (2 ** (2 * b + 1) + 1) / 6;
    // The variance of a sample variance of a uniform law: (9/5 - 1) * expected^2 / count.
    expect(Math.abs(variance - expected)).toBeLessThan(6 * Math.sqrt(0.8 / count) * expected);
  });

  it('adds noise to existing values mod 2^64, consistent with single draws', () => {
    const count = 1000;
    const sigma = 3.0144389706858286e-7;
    const base = rt.u64View(bufPtr, count);
    for (let i = 0; i < count; i++) base[i] = (1n << 64n) - 1n - BigInt(i); // near the wrap point
    testGenerator(seedB, 3n).addGaussianU64(bufPtr, count, sigma);
    const single = testGenerator(seedB, 3n, otherStatePtr);
    const noisy = rt.u64View(bufPtr, count);
    for (let i = 0; i < count; i++) {
      const expected = BigInt.asUintN(64, (1n << 64n) - 1n - BigInt(i) + single.gaussianI64(sigma));
      expect(noisy[i]).toBe(expected);
    }
  });

  it('gives zero noise for a zero std dev', () => {
    const rng = testGenerator();
    expect(Array.from({ length: 10 }, () => rng.gaussianI64(0))).toEqual(new Array(10).fill(0n));
  });

  it('wipes its key and buffered keystream from WASM memory', () => {
    const rng = Csprng.fromSystemEntropy(rt.kernels, otherStatePtr);
    rng.nextU64();
    const state = rt.bytes(otherStatePtr, Csprng.stateBytes(rt.kernels));
    expect(state.some((b) => b !== 0)).toBe(true);
    rng.wipe();
    expect(state.every((b) => b === 0)).toBe(true);
  });

  it('keys from system entropy so two generators differ', () => {
    const a = Csprng.fromSystemEntropy(rt.kernels, statePtr).nextU64();
    const b = Csprng.fromSystemEntropy(rt.kernels, otherStatePtr).nextU64();
    expect(a).not.toBe(b);
  });

  it('rejects bad seeds, streams, pointers, counts and std devs with CsprngError', () => {
    const rng = testGenerator();
    const bad: Array<() => unknown> = [
      () => testGenerator(new Uint8Array(31)),
      () => testGenerator(seedA, -1n),
      () => testGenerator(seedA, 1n << 64n),
      () => testGenerator(seedA, 0n, statePtr + 8),
      () => testGenerator(seedA, 0n, rt.kernels.memory.buffer.byteLength),
      () => rng.fillU64(bufPtr, -1),
      () => rng.fillU64(bufPtr, 1.5),
      () => rng.fillU64(bufPtr + 4, 1),
      () => rng.fillBinaryU64(rt.kernels.memory.buffer.byteLength - 8, 2),
      () => rng.gaussianI64(Number.NaN),
      () => rng.addGaussianU64(bufPtr, 1, -1),
      () => rng.addTUniformU64(bufPtr, 1, 62),
      () => rng.addTUniformU64(bufPtr, 1, 1.5),
    ];
    for (const call of bad) expect(call).toThrow(CsprngError);
  });
});

describe('randomSeed', () => {
  it('returns 32 fresh bytes from the platform CSPRNG', () => {
    const a = randomSeed();
    const b = randomSeed();
    expect(a).toHaveLength(32);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});
