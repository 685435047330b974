/**
 * The bootstrap key in seeded form (math and layouts in assembly/serialization/seeded-keys.ts):
 * generation keeps the standard-domain bodies of every GGSW row, and expansion rebuilds the
 * Fourier-domain key from (mask seed, bodies), bit-identical to the generated one.
 *
 * Why keep the bodies: the key lives in the Fourier domain, where each u64 is an f64 with 53
 * bits, so the exact integers cannot be recovered from it, and the noise in them comes from the
 * secret generator and cannot be redrawn. Keeping them costs 1/(k+1) of the Fourier key in the
 * JavaScript heap (outside WASM memory, so not in what workers share): half of it for the 4..8
 * bit presets (k = 1). It is the same data serialize() writes, so it is paid only once.
 */
import type { ClientKey } from '../client-key.js';
import type { ParameterSet } from '../params/parameter-set.js';
import type { TfheExports } from '../wasm-module.js';
import { withSerializationKernels } from './serialization-kernels.js';

/** u64 words of the standard-domain bodies of one GGSW: l * (k+1) * N. */
export function ggswBodyWords(params: ParameterSet): number {
  return params.pbsLevel * (params.glweDimension + 1) * params.polynomialSize;
}

/** u64 words of the bodies of the whole bootstrap key (n GGSWs). */
export function bootstrapKeyBodyWords(params: ParameterSet): number {
  return params.lweDimension * ggswBodyWords(params);
}

/**
 * Fills the Fourier-domain bootstrap key at `bsk` with GGSW encryptions of the bits of
 * `clientKey`'s small key (noise from `noiseRng`, masks from `maskRng`, both generator states
 * in WASM memory) and returns its standard-domain bodies in key-bit, level, row order.
 */
export function generateSeededBootstrapKey(
  tfhe: TfheExports,
  bsk: number,
  clientKey: ClientKey,
  noiseRng: number,
  maskRng: number,
  twiddles: number,
): BigUint64Array {
  const params = clientKey.params;
  const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
  const kernels = withSerializationKernels(tfhe);
  const perGgsw = ggswBodyWords(params);
  const ggswBytes = tfhe.ggswFourierBytes(k, N, params.pbsLevel);
  const bodies = new BigUint64Array(n * perGgsw);
  const scratchBytes = tfhe.ggswEncryptScratchBytes(k, N);
  const scratch = tfhe.allocator.alloc(scratchBytes);
  const staging = tfhe.allocator.alloc(perGgsw * 8);
  try {
    for (let bit = 0; bit < n; bit++) {
      kernels.seededGgswEncryptFourier(
        bsk + bit * ggswBytes,
        staging,
        clientKey.smallKey,
        bit,
        clientKey.glweKey,
        clientKey.glweKeyFourier,
        k,
        N,
        params.pbsBaseLog,
        params.pbsLevel,
        params.glweNoiseStdDev,
        noiseRng,
        maskRng,
        twiddles,
        scratch,
      );
      bodies.set(new BigUint64Array(tfhe.memory.buffer, staging, perGgsw), bit * perGgsw);
    }
  } finally {
    // The scratch held noise and products with the secret key.
    new Uint8Array(tfhe.memory.buffer).fill(0, scratch, scratch + scratchBytes);
    tfhe.allocator.release(scratch);
    tfhe.allocator.release(staging);
  }
  return bodies;
}

/** Rebuilds the Fourier-domain bootstrap key at `bsk` from its bodies and the mask generator. */
export function expandSeededBootstrapKey(
  tfhe: TfheExports,
  bsk: number,
  params: ParameterSet,
  bodies: BigUint64Array,
  maskRng: number,
  twiddles: number,
): void {
  const { lweDimension: n, glweDimension: k, polynomialSize: N } = params;
  const kernels = withSerializationKernels(tfhe);
  const perGgsw = ggswBodyWords(params);
  const ggswBytes = tfhe.ggswFourierBytes(k, N, params.pbsLevel);
  const scratch = tfhe.allocator.alloc((k + 1) * N * 8);
  const staging = tfhe.allocator.alloc(perGgsw * 8);
  try {
    for (let bit = 0; bit < n; bit++) {
      new BigUint64Array(tfhe.memory.buffer, staging, perGgsw).set(bodies.subarray(bit * perGgsw, (bit + 1) * perGgsw));
      kernels.seededGgswExpandFourier(bsk + bit * ggswBytes, staging, k, N, params.pbsLevel, maskRng, twiddles, scratch);
    }
  } finally {
    tfhe.allocator.release(scratch);
    tfhe.allocator.release(staging);
  }
}
