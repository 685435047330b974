import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { twiddlesFor } from '../fft/twiddle-cache.js';
import { TOY_PARAMETERS_INSECURE as TOY } from '../testing/toy-parameters.js';
import { deterministicTestValues } from '../testing/deterministic-values.js';
import { initTfhe, type TfheExports } from '../wasm-module.js';

/**
 * Round trips of the GLWE and GGSW layers through the raw kernels, with a toy key:
 * GLWE encrypt/decrypt, external product GGSW(m) x GLWE(M) = GLWE(m*M), CMUX rotation.
 */
const { glweDimension: k, polynomialSize: N } = TOY;
const DELTA = 1n << 60n; // 3-bit messages
let tfhe: TfheExports;
let key: ClientKey;
const regions: number[] = [];
let tw: number;

beforeAll(async () => {
  tfhe = await initTfhe();
  key = ClientKey.generate(TOY);
  tw = twiddlesFor(tfhe, N);
});
afterAll(() => {
  for (const r of regions) tfhe.allocator.release(r);
  key.dispose();
});

function alloc(bytes: number): number {
  const p = tfhe.allocator.alloc(bytes);
  regions.push(p);
  return p;
}
function u64s(ptr: number, count: number): BigUint64Array {
  return new BigUint64Array(tfhe.memory.buffer, ptr, count);
}
const rng = () => key.secretRng.statePtr;

function encryptGlwe(message: bigint[]): number {
  const ct = alloc((k + 1) * N * 8);
  const pt = alloc(N * 8);
  u64s(pt, N).set(message.map((m) => BigInt.asUintN(64, m * DELTA)));
  const scratch = alloc(tfhe.exactProductScratchBytes(N));
  tfhe.glweEncrypt(ct, pt, key.glweKeyFourier, k, N, TOY.glweNoiseStdDev, rng(), rng(), tw, scratch);
  return ct;
}

function decryptGlwe(ct: number): bigint[] {
  const out = alloc(N * 8);
  const scratch = alloc(tfhe.exactProductScratchBytes(N));
  tfhe.glweDecryptPhase(out, ct, key.glweKeyFourier, k, N, tw, scratch);
  return Array.from(u64s(out, N), (v) => ((v + DELTA / 2n) >> 60n) & 7n);
}

function encryptGgsw(bit: bigint): number {
  const ggsw = alloc(tfhe.ggswFourierBytes(k, N, TOY.pbsLevel));
  const scratch = alloc(tfhe.ggswEncryptScratchBytes(k, N));
  tfhe.ggswEncryptFourier(ggsw, bit, key.glweKeyFourier, k, N, TOY.pbsBaseLog, TOY.pbsLevel, TOY.glweNoiseStdDev, rng(), rng(), tw, scratch);
  return ggsw;
}

const values = deterministicTestValues('glwe');
const randomMessage = () => Array.from({ length: N }, () => BigInt(values.int(0, 8)));

describe('GLWE', () => {
  it('encrypts and decrypts a polynomial of 3-bit messages', () => {
    const m = randomMessage();
    expect(decryptGlwe(encryptGlwe(m))).toEqual(m);
  });

  it('keeps the phase within the noise: the product with the key is exact', () => {
    const ct = encryptGlwe(new Array<bigint>(N).fill(0n));
    const out = alloc(N * 8);
    tfhe.glweDecryptPhase(out, ct, key.glweKeyFourier, k, N, tw, alloc(tfhe.exactProductScratchBytes(N)));
    // sigma = 2^-50 * 2^64 = 2^14: |e| < 2^18 (16 sigma) for every coefficient.
    for (const v of u64s(out, N)) {
      const e = BigInt.asIntN(64, v);
      expect(e < 0n ? -e : e).toBeLessThan(1n << 18n);
    }
  });
});

describe('GGSW external product and CMUX', () => {
  it.each([0n, 1n])('GGSW(%i) x GLWE(M) encrypts %i * M', (bit) => {
    const m = randomMessage();
    const glwe = encryptGlwe(m);
    const ggsw = encryptGgsw(bit);
    const out = alloc((k + 1) * N * 8);
    u64s(out, (k + 1) * N).fill(0n);
    tfhe.externalProductAdd(out, ggsw, glwe, k, N, TOY.pbsBaseLog, TOY.pbsLevel, tw, alloc(tfhe.externalProductScratchBytes(k, N)));
    expect(decryptGlwe(out)).toEqual(bit === 1n ? m : new Array<bigint>(N).fill(0n));
  });

  it.each([
    [1n, 5],
    [1n, N + 17],
    [0n, 300],
  ])('CMUX with GGSW(%i) rotates the accumulator by X^(bit * %i)', (bit, power) => {
    const m = randomMessage();
    const acc = encryptGlwe(m);
    const ggsw = encryptGgsw(bit);
    tfhe.cmuxRotate(acc, ggsw, power, k, N, TOY.pbsBaseLog, TOY.pbsLevel, tw, alloc(tfhe.blindRotateScratchBytes(k, N)));
    const shift = bit === 1n ? power : 0;
    const expected = Array.from({ length: N }, (_, x) => {
      // coefficient x of X^shift * M
      let src = x - shift;
      let sign = 1n;
      while (src < 0) {
        src += N;
        sign = -sign;
      }
      return (((sign * m[src]!) % 8n) + 8n) % 8n;
    });
    expect(decryptGlwe(acc)).toEqual(expected);
  });
});
