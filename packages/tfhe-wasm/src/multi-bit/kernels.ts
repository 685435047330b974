import type { TfheExports } from '../wasm-module.js';

/** Signatures of the multi-bit kernels of build/tfhe.wasm (assembly/algorithms/multi-bit-*.ts). */
export interface MultiBitKernels {
  multiBitBootstrapKeyBytes(n: number, groupingFactor: number, k: number, polynomialSize: number, level: number): number;
  multiBitBootstrapKeyGenerate(
    bsk: number,
    smallKey: number,
    n: number,
    groupingFactor: number,
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
  multiBitBlindRotateScratchBytes(groupingFactor: number, k: number, polynomialSize: number, level: number): number;
  multiBitGroupFactors(factors: number, switched: number, groupingFactor: number, slotExponents: number, roots: number, polynomialSize: number): void;
  multiBitBlindRotate(
    acc: number,
    switchedMask: number,
    bsk: number,
    n: number,
    groupingFactor: number,
    k: number,
    polynomialSize: number,
    baseLog: number,
    level: number,
    twiddles: number,
    slotExponents: number,
    roots: number,
    scratch: number,
  ): void;
  multiBitCombineGgsw(
    combined: number,
    groupKey: number,
    ggswBytes: number,
    factors: number,
    patterns: number,
    polynomials: number,
    stride: number,
    polynomialSize: number,
  ): void;
  multiBitExternalProductK1ScratchBytes(polynomialSize: number): number;
  multiBitExternalProductAddK1(acc: number, ggsw: number, polynomialSize: number, baseLog: number, level: number, twiddles: number, scratch: number): void;
  multiBitKeyswitchBootstrapScratchBytes(n: number, groupingFactor: number, k: number, polynomialSize: number, level: number): number;
  multiBitKeyswitchThenBootstrap(
    out: number,
    input: number,
    lut: number,
    ksk: number,
    bsk: number,
    n: number,
    groupingFactor: number,
    k: number,
    polynomialSize: number,
    ksBaseLog: number,
    ksLevel: number,
    pbsBaseLog: number,
    pbsLevel: number,
    twiddles: number,
    slotExponents: number,
    roots: number,
    scratch: number,
  ): void;
}

/** The loaded core with its multi-bit kernels (they are part of the same build). */
export function withMultiBitKernels(tfhe: TfheExports): TfheExports & MultiBitKernels {
  return tfhe as TfheExports & MultiBitKernels;
}
