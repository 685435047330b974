/**
 * Wire format of the secret key (ClientKey, kind 1) — for the client's OWN storage only
 * (disk, IndexedDB): it holds the secret and must never be sent to a server. Servers receive
 * EvaluationKeys, whose loader rejects this kind ('wrong-kind').
 *
 *   0  bytes [n]     small LWE key s, one byte per bit (0 or 1)
 *   1  bytes [k*N]   GLWE key S_0 .. S_(k-1) (N coefficients each), one byte per bit
 *
 * Reading checks every byte is 0 or 1 and the lengths match the parameter set. The loaded
 * key gets a fresh secret generator (noise and masks) from the platform's entropy: the
 * generator's state is never written out.
 */
import { ClientKey } from '../client-key.js';
import { twiddlesFor } from '../fft/twiddle-cache.js';
import type { ParameterSet } from '../params/parameter-set.js';
import { tfheRuntime } from '../wasm-module.js';
import { decodeFrame, encodeFrame, FrameKind } from '../wire/frame.js';
import { DeserializationError } from '../wire/wire-errors.js';
import { expectSectionCount, frameParameters, sectionData } from './frame-reading.js';

/** The secret key as bytes: store them only where the client alone can read them. */
export function serializeClientKey(key: ClientKey): Uint8Array {
  const tfhe = tfheRuntime();
  const { lweDimension: n, glweDimension: k, polynomialSize: N } = key.params;
  const bits = (ptr: number, count: number): Uint8Array =>
    Uint8Array.from(new BigUint64Array(tfhe.memory.buffer, ptr, count), (bit) => Number(bit));
  return encodeFrame(FrameKind.ClientKey, key.params, [
    { type: 'bytes', data: bits(key.smallKey, n) },
    { type: 'bytes', data: bits(key.glweKey, k * N) },
  ]);
}

/** Reads a secret key written by serializeClientKey (requires initTfhe()). */
export function deserializeClientKey(bytes: Uint8Array, expectedParams?: ParameterSet): ClientKey {
  const frame = decodeFrame(bytes, FrameKind.ClientKey, expectedParams);
  const params = frameParameters(frame, expectedParams);
  const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
  expectSectionCount(frame, 2);
  const smallKey = binaryKey(sectionData(frame, 0, 'bytes', n, 'small key'), 'small key');
  const glweKey = binaryKey(sectionData(frame, 1, 'bytes', k * N, 'GLWE key'), 'GLWE key');
  // A fresh key supplies the regions and the secret generator; its random bits are replaced.
  const key = ClientKey.generate(params);
  const tfhe = tfheRuntime();
  new BigUint64Array(tfhe.memory.buffer, key.smallKey, n).set(smallKey);
  new BigUint64Array(tfhe.memory.buffer, key.glweKey, k * N).set(glweKey);
  tfhe.glweKeyToFourier(key.glweKeyFourier, key.glweKey, k, N, twiddlesFor(tfhe, N));
  smallKey.fill(0n);
  glweKey.fill(0n);
  return key;
}

function binaryKey(bytes: Uint8Array, what: string): BigUint64Array {
  const bad = bytes.findIndex((bit) => bit > 1);
  if (bad >= 0) throw new DeserializationError('malformed', `${what}: coefficient ${bad} is ${bytes[bad]}, a binary key holds 0 or 1`);
  const bits = BigUint64Array.from(bytes, (bit) => BigInt(bit));
  bytes.fill(0);
  return bits;
}
