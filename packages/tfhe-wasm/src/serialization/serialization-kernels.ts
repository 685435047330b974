import type { TfheExports } from '../wasm-module.js';

/** Kernels of assembly/serialization/ (see seeded-keys.ts there for the math and layouts). */
export interface SerializationKernels {
  seededGgswEncryptFourier(
    ggsw: number,
    bodies: number,
    smallKey: number,
    bit: number,
    glweKey: number,
    keyFourier: number,
    k: number,
    polynomialSize: number,
    baseLog: number,
    level: number,
    std: number,
    noiseRng: number,
    maskRng: number,
    twiddles: number,
    scratch: number,
  ): void;
  seededGgswExpandFourier(
    ggsw: number,
    bodies: number,
    k: number,
    polynomialSize: number,
    level: number,
    maskRng: number,
    twiddles: number,
    scratch: number,
  ): void;
  seededKeyswitchKeyExpand(ksk: number, bodies: number, nIn: number, nOut: number, level: number, maskRng: number, scratch: number): void;
}

/** The loaded core with the serialization kernels typed. */
export function withSerializationKernels(tfhe: TfheExports): TfheExports & SerializationKernels {
  return tfhe as TfheExports & SerializationKernels;
}
