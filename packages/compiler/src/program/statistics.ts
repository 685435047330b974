import type { ParameterSet } from '@cml/tfhe-wasm';
import type { FheProgram } from './program.js';

/** What one run of a circuit costs. */
export interface CircuitStatistics {
  /** Message bits of every ciphertext (P). */
  readonly precision: number;
  /** Table lookups by the precision their noise margin needs (bits -> count); one keyswitch + one bootstrap each. */
  readonly lookupsPerPrecision: Readonly<Record<number, number>>;
  readonly lookups: number;
  readonly keyswitches: number;
  readonly bootstraps: number;
  /** Distinct tables the bootstraps use. */
  readonly tables: number;
  readonly linearInstructions: number;
  /** Scalar multiply-adds of the linear instructions (clear weight x ciphertext). */
  readonly linearTerms: number;
  readonly encryptedInputs: number;
  readonly encryptedOutputs: number;
  /** Largest 2-norm of clear weights feeding a lookup. */
  readonly maxNorm2: number;
  /** log2 of one lookup's failure probability and the whole run's failure probability. */
  readonly log2PError: number;
  readonly globalPError: number;
  /**
   * Bytes of the bootstrap key (Fourier domain, as held in memory) and of the keyswitch key;
   * 0 for a circuit without lookups, whose evaluation keys hold neither.
   */
  readonly bootstrapKeyBytes: number;
  readonly keyswitchKeyBytes: number;
  /** Bytes of one ciphertext (k*N + 1 words). */
  readonly ciphertextBytes: number;
  /** Single-thread latency of the lookups from the optimizer's calibrated cost model (milliseconds). */
  readonly estimatedLatencyMs: number;
}

export function circuitStatistics(
  program: FheProgram,
  params: ParameterSet,
  noise: { maxNorm2: number; log2PError: number; globalPError: number },
  costs: { lookupMs: number; bootstrapKeyBytes: number; keyswitchKeyBytes: number },
  rounding: 'exact' | 'approximate' = 'exact',
): CircuitStatistics {
  const perPrecision: Record<number, number> = {};
  const { glweDimension: k, polynomialSize: N } = params;
  let lookups = 0;
  let tables = 0;
  let linearInstructions = 0;
  let linearTerms = 0;
  for (const instruction of program.instructions) {
    if (instruction.kind === 'lookup') {
      lookups += instruction.element.length;
      tables += instruction.tables.length;
      // In approximate rounding mode a lookup needs the margin of its rounded input only.
      const bits =
        rounding === 'approximate'
          ? (instruction.tableBits ?? program.precision)
          : program.precision;
      perPrecision[bits] = (perPrecision[bits] ?? 0) + instruction.element.length;
    } else if (instruction.kind === 'linear') {
      linearInstructions++;
      linearTerms += instruction.termWeight.length;
    } else if (instruction.kind === 'clear-linear') {
      linearInstructions++;
    }
  }
  return {
    precision: program.precision,
    lookupsPerPrecision: perPrecision,
    lookups,
    keyswitches: lookups,
    bootstraps: lookups,
    tables,
    linearInstructions,
    linearTerms,
    encryptedInputs: program.inputs.reduce(
      (acc, input) => acc + (input.encrypted ? input.shape.reduce((a, b) => a * b, 1) : 0),
      0,
    ),
    encryptedOutputs: program.outputs.reduce(
      (acc, output) => acc + output.shape.reduce((a, b) => a * b, 1),
      0,
    ),
    maxNorm2: noise.maxNorm2,
    log2PError: noise.log2PError,
    globalPError: noise.globalPError,
    bootstrapKeyBytes: costs.bootstrapKeyBytes,
    keyswitchKeyBytes: costs.keyswitchKeyBytes,
    ciphertextBytes: (k * N + 1) * 8,
    estimatedLatencyMs: lookups * costs.lookupMs,
  };
}
