/**
 * The keyswitch key in seeded form. Its masks already come from the public seed alone
 * (algorithms/keyswitch.ts), and it lives in the standard domain (u32 rows), so its bodies
 * are read straight from memory: one u32 per row, in storage order (input i, level l..1).
 */
import type { ParameterSet } from '../params/parameter-set.js';
import type { TfheExports } from '../wasm-module.js';
import { withSerializationKernels } from './serialization-kernels.js';

/** Rows of the keyswitch key (kN inputs, l levels), hence its number of bodies. */
export function keyswitchKeyRows(params: ParameterSet): number {
  return params.glweDimension * params.polynomialSize * params.ksLevel;
}

/** The body of every row of the keyswitch key at `ksk`. */
export function keyswitchKeyBodies(tfhe: TfheExports, ksk: number, params: ParameterSet): Uint32Array {
  const rowWords = tfhe.keyswitchKeyRowWords(params.lweDimension);
  const rows = keyswitchKeyRows(params);
  const key = new Uint32Array(tfhe.memory.buffer, ksk, rows * rowWords);
  return Uint32Array.from({ length: rows }, (_, row) => key[row * rowWords + params.lweDimension]!);
}

/** Rebuilds the keyswitch key at `ksk` from its bodies and the mask generator `maskRng`. */
export function expandSeededKeyswitchKey(tfhe: TfheExports, ksk: number, params: ParameterSet, bodies: Uint32Array, maskRng: number): void {
  const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
  const staging = tfhe.allocator.alloc(bodies.byteLength);
  const scratch = tfhe.allocator.alloc(n * 8);
  try {
    new Uint32Array(tfhe.memory.buffer, staging, bodies.length).set(bodies);
    withSerializationKernels(tfhe).seededKeyswitchKeyExpand(ksk, staging, k * N, n, params.ksLevel, maskRng, scratch);
  } finally {
    tfhe.allocator.release(staging);
    tfhe.allocator.release(scratch);
  }
}
