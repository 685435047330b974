import type { ParameterSet } from '@cml/tfhe-wasm';

/**
 * Time of one table lookup (keyswitch + programmable bootstrap) on the WASM core, after
 * concrete-optimizer's complexity model (computing_cost/operators/{keyswitch_lwe,cmux,pbs}.rs)
 * with one time constant per kind of work:
 *
 *   KS  = l_ks * kN * (n+1) multiply-adds (each of the kN input coefficients is decomposed
 *         into l_ks digits, each digit scales one row of n+1 words)
 *   PBS = n CMUXes, each an external product GGSW x GLWE in the Fourier domain:
 *         (k+1)*l_pbs forward FFTs of the decomposed digits
 *       + (k+1) inverse FFTs of the accumulated GLWE
 *       + (k+1)^2 * l_pbs * N/2 complex multiply-adds
 *   where one FFT of N/2 complex points counts (N/2) * log2(N/2) butterfly units.
 *
 * The constants are nanoseconds per unit, fitted to timings of @cml/tfhe-wasm (see
 * fitCostModel and bench/optimizer-calibrate.js). Only ratios matter to the search; the
 * absolute values make the reported milliseconds meaningful.
 */
export interface CostModel {
  /** ns per keyswitch multiply-add (one u64 digit times one key word, accumulated). */
  readonly keyswitchNsPerMultiplyAdd: number;
  /** ns per butterfly unit of an f64 FFT (forward or inverse), decomposition included. */
  readonly fftNsPerButterfly: number;
  /** ns per complex multiply-add in the Fourier domain. */
  readonly fourierNsPerMultiplyAdd: number;
  /** Where the constants come from (shown in reports). */
  readonly source: string;
}

/**
 * Fitted by bench/optimizer-calibrate.js (bench/optimizer-calibration.json) to the CPU time of
 * @cml/tfhe-wasm's keyswitch and bootstrap, one thread, on the 1- to 6-bit presets and three
 * variants with 2 and 3 bootstrap levels (Node 20, 2-core AMD EPYC, core as of commit 0d50ba3).
 * The model is within 20% of every measured shape; the Fourier multiply-add constant also
 * absorbs the per-level decomposition work. Re-run the calibration when the core's kernels change.
 */
export const DEFAULT_COST_MODEL: CostModel = Object.freeze({
  keyswitchNsPerMultiplyAdd: 0.274,
  fftNsPerButterfly: 0.707,
  fourierNsPerMultiplyAdd: 3.8,
  source: 'fitted to @cml/tfhe-wasm KS and PBS CPU times, one thread (bench/optimizer-calibrate.js)',
});

/** The shape of a lookup that the cost depends on (bases and noise do not change the work). */
export interface LookupShape {
  readonly lweDimension: number;
  readonly glweDimension: number;
  readonly polynomialSize: number;
  readonly pbsLevel: number;
  readonly ksLevel: number;
}

/** Work units of one keyswitch and one bootstrap, split by kind. */
export interface LookupWork {
  readonly keyswitchMultiplyAdds: number;
  readonly fftButterflies: number;
  readonly fourierMultiplyAdds: number;
}

export function lookupWork(shape: LookupShape): LookupWork {
  const { lweDimension: n, glweDimension: k, polynomialSize: N, pbsLevel, ksLevel } = shape;
  const half = N / 2;
  const fft = half * Math.log2(half);
  return {
    keyswitchMultiplyAdds: ksLevel * k * N * (n + 1),
    fftButterflies: n * ((k + 1) * pbsLevel + (k + 1)) * fft,
    fourierMultiplyAdds: n * (k + 1) * (k + 1) * pbsLevel * half,
  };
}

export interface LookupCost {
  readonly keyswitchMs: number;
  readonly bootstrapMs: number;
  /** keyswitchMs + bootstrapMs. */
  readonly lookupMs: number;
}

export function lookupCost(shape: LookupShape | ParameterSet, model: CostModel = DEFAULT_COST_MODEL): LookupCost {
  const work = lookupWork(shape);
  const keyswitchMs = (work.keyswitchMultiplyAdds * model.keyswitchNsPerMultiplyAdd) / 1e6;
  const bootstrapMs = (work.fftButterflies * model.fftNsPerButterfly + work.fourierMultiplyAdds * model.fourierNsPerMultiplyAdd) / 1e6;
  return { keyswitchMs, bootstrapMs, lookupMs: keyswitchMs + bootstrapMs };
}
