import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from '../client-key.js';
import { BOOTSTRAP_KEY_MASK_STREAM, EvaluationKeys } from '../evaluation-keys.js';
import { getParameterSet } from '../params/get-parameter-set.js';
import { parameterSets } from '../params/presets.js';
import { Csprng } from '../random/csprng.js';
import { TOY_PARAMETERS_INSECURE as TOY } from '../testing/toy-parameters.js';
import { initTfhe, type TfheExports } from '../wasm-module.js';
import { FrameKind } from '../wire/frame.js';
import { compressedEvaluationKeysBytes } from './evaluation-keys-format.js';
import { craftedFrame, firstDifference, rejectionReason } from './testing/frame-mutations.js';

let tfhe: TfheExports;
let key: ClientKey;
let evk: EvaluationKeys;
let bytes: Uint8Array;
let loaded: EvaluationKeys;
beforeAll(async () => {
  tfhe = await initTfhe();
  key = ClientKey.generate(TOY);
  evk = key.evaluationKeys();
  bytes = evk.serialize();
  loaded = EvaluationKeys.deserialize(bytes, TOY);
});
afterAll(() => {
  for (const o of [loaded, evk, key]) o.dispose();
});

const wasmBytes = (ptr: number, length: number): Uint8Array => new Uint8Array(tfhe.memory.buffer, ptr, length).slice();

describe('compressed evaluation keys (toy parameters)', () => {
  it('load as keys bit-identical to the generated ones (bootstrap key in the Fourier domain, keyswitch key)', () => {
    expect(loaded.maskSeed).toEqual(evk.maskSeed);
    expect(firstDifference(wasmBytes(loaded.bootstrapKey, loaded.bootstrapKeyBytes), wasmBytes(evk.bootstrapKey, evk.bootstrapKeyBytes))).toBe(-1);
    expect(firstDifference(wasmBytes(loaded.keyswitchKey, loaded.keyswitchKeyBytes), wasmBytes(evk.keyswitchKey, evk.keyswitchKeyBytes))).toBe(-1);
    expect(firstDifference(loaded.serialize(), bytes)).toBe(-1);
  });

  it('loaded keys give the same lookup results as the originals', () => {
    const table = [3, 0, 6, 1, 7, 2, 5, 4];
    for (let m = 0; m < 8; m++) {
      const ct = key.encrypt(m);
      const a = evk.applyLookupTable(ct, table);
      const b = loaded.applyLookupTable(ct, table);
      expect([key.decrypt(a), key.decrypt(b)]).toEqual([table[m], table[m]]);
      for (const c of [ct, a, b]) c.dispose();
    }
  });

  it('GGSW rows regenerated from (seed, bodies) have the phases of a GGSW of the key bit: -m*f*S_r for r < k, m*f for r = k', () => {
    const { glweDimension: k, polynomialSize: N, pbsBaseLog, pbsLevel } = TOY;
    const smallKey = new BigUint64Array(tfhe.memory.buffer, key.smallKey, TOY.lweDimension).slice();
    const glweKey = new BigUint64Array(tfhe.memory.buffer, key.glweKey, k * N).slice();
    const row = tfhe.allocator.alloc((k + 1) * N * 8);
    const phase = tfhe.allocator.alloc(N * 8);
    const scratch = tfhe.allocator.alloc(tfhe.exactProductScratchBytes(N));
    const state = tfhe.allocator.alloc(Csprng.stateBytes(tfhe));
    const masks = Csprng.maskGeneratorFromPublicSeed(tfhe, state, evk.maskSeed, BOOTSTRAP_KEY_MASK_STREAM);
    const bodies = evk.bootstrapKeyBodies;
    let worst = 0n;
    let body = 0;
    const bitsChecked = 6;
    for (let bit = 0; bit < bitsChecked; bit++) {
      const m = smallKey[bit]!;
      for (let j = 1; j <= pbsLevel; j++) {
        const f = BigInt.asUintN(64, m << BigInt(64 - pbsBaseLog * j));
        for (let r = 0; r <= k; r++) {
          masks.fillU64(row, k * N);
          new BigUint64Array(tfhe.memory.buffer, row + k * N * 8, N).set(bodies.subarray(body * N, (body + 1) * N));
          body++;
          tfhe.glweDecryptPhase(phase, row, key.glweKeyFourier, k, N, evk.twiddles, scratch);
          const got = new BigUint64Array(tfhe.memory.buffer, phase, N);
          for (let c = 0; c < N; c++) {
            const expected = r < k ? -f * glweKey[r * N + c]! : c === 0 ? f : 0n;
            const error = BigInt.asIntN(64, got[c]! - expected);
            const size = error < 0n ? -error : error;
            if (size > worst) worst = size;
          }
        }
      }
    }
    for (const p of [row, phase, scratch, state]) tfhe.allocator.release(p);
    // Noise std dev 2^-50 of the torus = 2^14: six sigma is below 2^17.
    expect(worst).toBeGreaterThan(0n);
    expect(worst).toBeLessThan(1n << 17n);
  });

  it('are at most 55% of the keys in memory, and compressedEvaluationKeysBytes predicts the size exactly', () => {
    expect(bytes.length).toBe(compressedEvaluationKeysBytes(TOY));
    expect(bytes.length / evk.byteLength).toBeLessThan(0.55);
  });

  it('for every published preset (1..8 bits) take at most 55% of the keys in memory', () => {
    for (const params of parameterSets) {
      const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
      // In JS: the 8-bit key passes 4 GiB, beyond the kernels' 32-bit size functions.
      const inMemory = n * params.pbsLevel * (k + 1) ** 2 * N * 8 + k * N * params.ksLevel * tfhe.keyswitchKeyRowWords(n) * 4;
      expect(compressedEvaluationKeysBytes(params) / inMemory).toBeLessThan(0.55);
    }
  });

  it('refuse another parameter set, a client-key frame and a ciphertext frame', () => {
    expect(rejectionReason(() => EvaluationKeys.deserialize(bytes, getParameterSet({ precision: 3 })))).toBe('parameter-mismatch');
    expect(rejectionReason(() => EvaluationKeys.deserialize(key.serialize()))).toBe('wrong-kind');
    const ct = key.encrypt(1);
    expect(rejectionReason(() => EvaluationKeys.deserialize(ct.serialize()))).toBe('wrong-kind');
    ct.dispose();
  });

  it('refuse crafted frames with a missing, reordered, short or long section', () => {
    const read = (edit: Parameters<typeof craftedFrame>[2]) => () => EvaluationKeys.deserialize(craftedFrame(FrameKind.CompressedEvaluationKeys, bytes, edit));
    expect(rejectionReason(read((s) => s.slice(0, 2)))).toBe('length-mismatch');
    expect(rejectionReason(read((s) => [...s, s[2]!]))).toBe('length-mismatch');
    expect(rejectionReason(read((s) => [s[0]!, s[2]!, s[1]!]))).toBe('malformed');
    expect(rejectionReason(read((s) => [s[0]!, { type: 'u64', data: (s[1]!.data as BigUint64Array).subarray(8) }, s[2]!]))).toBe('length-mismatch');
    expect(rejectionReason(read((s) => [s[0]!, s[1]!, { type: 'bytes', data: (s[2]!.data as Uint8Array).subarray(4) }]))).toBe('length-mismatch');
    expect(rejectionReason(read((s) => [{ type: 'bytes', data: new Uint8Array(32) }, s[1]!, s[2]!]))).toBe('malformed');
  });

  it('serialize refuses disposed keys, which drop their kept bodies', () => {
    const other = key.evaluationKeys();
    expect(other.bootstrapKeyBodies.length).toBe(TOY.lweDimension * TOY.pbsLevel * (TOY.glweDimension + 1) * TOY.polynomialSize);
    other.dispose();
    expect(other.bootstrapKeyBodies.length).toBe(0);
    expect(() => other.serialize()).toThrow(/after dispose/);
  });
});
