import type { ParameterSet } from '@cml/tfhe-wasm';
import { ParameterSelectionError } from './errors.js';
import {
  NoParametersError,
  optimizeParameters,
  type OptimizationReport,
} from './optimizer/index.js';

export interface ParameterConstraints {
  /** P: message bits of the circuit (lookup tables and decrypted results). */
  readonly precision: number;
  /** Bits of noise margin the lookups need: P, or less when they read rounded values (approximate mode). */
  readonly lookupPrecision: number;
  /** Largest 2-norm of the weights feeding a lookup. */
  readonly maxNorm2: number;
  /** Number of table lookups (bootstraps) of one run. */
  readonly lookups: number;
  /** Largest 2-norm accumulated on a result decrypted without a bootstrap, and how many such results. */
  readonly outputNorm2: number;
  readonly outputs: number;
  readonly pError: number | undefined;
  readonly globalPError: number | undefined;
  /** Some lookup reads a rounded value while rounding is 'exact' (worth a hint when nothing fits). */
  readonly roundedLookupsInExactMode?: boolean;
}

export interface ParameterChoice {
  readonly parameters: ParameterSet;
  /** log2 of the failure probability of one lookup with these parameters. */
  readonly log2PError: number;
  /** Failure probability of one run (any lookup or output failing; union bound over the actual counts). */
  readonly globalPError: number;
  readonly report: OptimizationReport;
}

/**
 * Norms and counts are rounded up (norms to a quarter power of two, counts to a power of two)
 * before the search: conservative, and circuits of similar size then share the optimizer's
 * cached result instead of costing a new search each.
 */
function roundUpNorm(norm2: number): number {
  return 2 ** (Math.ceil(Math.log2(Math.max(norm2, 1)) * 4 - 1e-9) / 4);
}

function roundUpCount(count: number): number {
  return count <= 1 ? count : 2 ** Math.ceil(Math.log2(count));
}

/**
 * The cheapest 128-bit parameter set for the circuit, from the optimizer (src/optimizer):
 * P-bit lookups at the largest 2-norm, P-bit results decrypted after linear steps, within the
 * per-lookup and global failure budgets. Its NoParametersError becomes a
 * ParameterSelectionError carrying the optimizer's advice.
 */
export function chooseParameters(constraints: ParameterConstraints): ParameterChoice {
  try {
    const reduced = constraints.lookupPrecision < constraints.precision;
    const result = optimizeParameters({
      lookupPrecision: constraints.lookupPrecision,
      norm2: roundUpNorm(constraints.maxNorm2),
      lookupCount: roundUpCount(constraints.lookups),
      ...(constraints.pError === undefined ? {} : { pError: constraints.pError }),
      ...(constraints.globalPError === undefined ? {} : { globalPError: constraints.globalPError }),
      lookupFreeOutput: {
        precision: constraints.precision,
        norm2: roundUpNorm(constraints.outputNorm2),
        count: roundUpCount(constraints.outputs),
      },
    });
    const { report } = result;
    // Relabel: ciphertexts are P bits even when the lookups read fewer (approximate rounding).
    // A set's precision is the widest table its polynomial holds, N >= 2^(precision+1): wider
    // messages are only read through rounded lookups of lookupPrecision bits.
    const { polynomialSize } = result.parameters;
    const parameters = reduced
      ? {
          ...result.parameters,
          precision: Math.min(constraints.precision, Math.log2(polynomialSize) - 1),
          name: `${result.parameters.name}-msg${constraints.precision}`,
        }
      : result.parameters;
    const events =
      constraints.lookups * 2 ** report.log2PFail +
      constraints.outputs * 2 ** (report.outputLog2PFail ?? -Infinity);
    return { parameters, log2PError: report.log2PFail, globalPError: Math.min(1, events), report };
  } catch (error) {
    if (error instanceof NoParametersError) {
      const hint = constraints.roundedLookupsInExactMode
        ? " (this circuit's roundBitPattern / truncateBitPattern only lower the lookup precision with rounding: 'approximate')"
        : '';
      throw new ParameterSelectionError(error.message + hint);
    }
    throw error;
  }
}
