import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { deterministicTestValues } from '../testing/deterministic-values.js';
import { initTfhe, type TfheExports } from '../wasm-module.js';
import { withMultiBitKernels } from './kernels.js';
import { MultiBitEvaluationKeys } from './multi-bit-keys.js';
import { MultiBitParameterError, type MultiBitParameterSet } from './parameters.js';

/** TEST ONLY, INSECURE: tiny n and noise, so the rotation can be compared exactly. */
function toyParameters(groupingFactor: number, glweDimension = 1): MultiBitParameterSet {
  return {
    name: `TOY-MULTI-BIT-G${groupingFactor}-K${glweDimension}-INSECURE-test-only`,
    precision: 3,
    groupingFactor,
    lweDimension: 12,
    glweDimension,
    polynomialSize: 512,
    lweNoiseStdDev: 2 ** -40,
    glweNoiseStdDev: 2 ** -50,
    pbsBaseLog: 12,
    pbsLevel: 3,
    ksBaseLog: 4,
    ksLevel: 4,
    maxNorm2: 1,
  };
}

let tfhe: TfheExports;
beforeAll(async () => {
  tfhe = await initTfhe();
});

/** Plain-TS reference: coefficients of X^r * lut mod (X^N + 1), on the 2^64 torus. */
function negacyclicRotate(lut: bigint[], r: number): bigint[] {
  const n = lut.length;
  const out = new Array<bigint>(n).fill(0n);
  const shift = ((r % (2 * n)) + 2 * n) % (2 * n);
  lut.forEach((c, i) => {
    const j = i + shift;
    const wraps = Math.floor(j / n) % 2 === 1;
    out[j % n] = BigInt.asUintN(64, wraps ? -c : c);
  });
  return out;
}

// k = 1 runs the fused external product (multi-bit-external-product.ts), k = 2 the general
// path that builds G (multiBitCombineGgsw) and then runs the ordinary external product.
describe.each([
  [2, 1],
  [3, 1],
  [2, 2],
  [3, 2],
])('multi-bit blind rotation with g = %i, k = %i on a toy set', (g, k) => {
  const params = toyParameters(g, k);
  let key: ClientKey;
  let keys: MultiBitEvaluationKeys;
  beforeAll(() => {
    key = ClientKey.generate(params);
    keys = MultiBitEvaluationKeys.generate(key);
  });
  afterAll(() => {
    keys.dispose();
    key.dispose();
  });

  it('rotates a trivial accumulator by X^(sum a~_i s_i), as the plain-TS reference computes', () => {
    const kernels = withMultiBitKernels(tfhe);
    const { lweDimension: n, polynomialSize: N, pbsBaseLog, pbsLevel } = params;
    const values = deterministicTestValues(`toy-multi-bit-${g}-${k}`);
    const { allocator } = tfhe;
    const acc = allocator.alloc((k + 1) * N * 8);
    const mask = allocator.alloc(n * 4);
    const scratch = allocator.alloc(kernels.multiBitBlindRotateScratchBytes(g, k, N, pbsLevel));
    const phase = allocator.alloc(N * 8);
    const phaseScratch = allocator.alloc(tfhe.exactProductScratchBytes(N) + N * 8);
    for (let trial = 0; trial < 8; trial++) {
      // LUT coefficients on a 2^-8 grid: the blind rotation's noise (< 2^-30 here) cannot move them.
      const lut = Array.from({ length: N }, () => BigInt(values.int(0, 256)) << 56n);
      const switched = Array.from({ length: n }, (_, i) => (trial === 0 && i % g === 0 ? 0 : values.int(0, 2 * N)));
      new BigUint64Array(tfhe.memory.buffer, acc, (k + 1) * N).fill(0n).set(lut, k * N);
      new Int32Array(tfhe.memory.buffer, mask, n).set(switched);
      kernels.multiBitBlindRotate(acc, mask, keys.bootstrapKey, n, g, k, N, pbsBaseLog, pbsLevel, keys.twiddles, keys.monomials.slotExponents, keys.monomials.roots, scratch);
      tfhe.glweDecryptPhase(phase, acc, key.glweKeyFourier, k, N, keys.twiddles, phaseScratch);
      const bits = Array.from(new BigUint64Array(tfhe.memory.buffer, key.smallKey, n), Number); // test-only read of the secret
      const rotation = switched.reduce((sum, a, i) => sum + a * bits[i]!, 0);
      const expected = negacyclicRotate(lut, rotation);
      const got = Array.from(new BigUint64Array(tfhe.memory.buffer, phase, N), (c) => BigInt.asUintN(64, c + (1n << 55n)) >> 56n << 56n);
      expect(got).toEqual(expected);
    }
    for (const ptr of [acc, mask, scratch, phase, phaseScratch]) allocator.release(ptr);
  });

  it('bootstraps every 3-bit input through a random table (keyswitch + multi-bit PBS)', () => {
    const values = deterministicTestValues(`toy-multi-bit-table-${g}-${k}`);
    const table = Array.from({ length: 8 }, () => values.int(0, 8));
    const got = table.map((_, m) => {
      const ct = key.encrypt(m);
      const out = keys.applyLookupTable(ct, table);
      const value = key.decrypt(out);
      ct.dispose();
      out.dispose();
      return value;
    });
    expect(got).toEqual(table);
  });
});

describe('multi-bit key generation', () => {
  it('refuses a client key without a grouping factor, and n not a multiple of g', () => {
    const { groupingFactor: _, ...classic } = toyParameters(2);
    const plain = ClientKey.generate(classic);
    expect(() => MultiBitEvaluationKeys.generate(plain)).toThrow(MultiBitParameterError);
    plain.dispose();
    const odd = ClientKey.generate({ ...toyParameters(3), lweDimension: 13 });
    expect(() => MultiBitEvaluationKeys.generate(odd)).toThrow(/multiple of the grouping factor 3/);
    odd.dispose();
  });
});
