import { checkFitsPrecision } from '../encoding.js';
import { DisposedError, LookupTableLengthError, ParameterMismatchError, ValueOutOfRangeError } from '../errors.js';
import type { EvaluationKeys, LookupTable } from '../evaluation-keys.js';
import type { LweCiphertext } from '../lwe-ciphertext.js';
import { planLookups, runLookupPlan, runLookupPlanInPool, type LookupPlan } from './lookup-plan.js';
import type { WorkerPool } from '../pool/worker-pool.js';
import { tfheRuntime, type TfheExports } from '../wasm-module.js';

/**
 * Table lookups that read only the top `inputBits` bits of a wider message, rounded to the
 * nearest: the bootstrap behind approximate rounding (Concrete's `round_bit_pattern` with
 * approximate mode).
 *
 * A ciphertext of precision P holds m * 2^(63-P). With q = inputBits <= P, the test polynomial
 * has 2^q boxes of N / 2^q coefficients, so after the modulus switch the phase is read at
 * q-bit granularity: box j collects the phases in [(j - 1/2), (j + 1/2)) * 2^(63-q), i.e. the
 * messages m with round(m / 2^(P-q)) = j. Coefficient x of the polynomial holds
 *   encode_P(table[floor((x + box/2) / box)])      (encode_P(v) = (v mod 2^P) * 2^(63-P)),
 * and the last half box holds -encode_P(table[0]) (read negated by a slightly negative phase
 * of box 0, as in lookupTableFill). Only the box size follows q: the output keeps the P-bit
 * encoding of the input, so the result is table[round(m / 2^(P-q))] at precision P.
 *
 * Noise: the failure probability is the q-bit one (the margin is half a q-bit box), but a
 * message whose dropped low bits sit within the noise of a box boundary may land in the
 * neighbouring box: it reads table[j +- 1]. Callers that want round-half-up on integer
 * messages add half a P-bit step to the phase so that no message sits on a boundary.
 * Messages whose box would be 2^q (m >= 2^P - 2^(P-q-1)) read -table[0] (negacyclic).
 */
export function applyRoundedLookupTableBatch(
  keys: EvaluationKeys,
  cts: readonly LweCiphertext[],
  tables: LookupTable | readonly LookupTable[],
  inputBits: number,
): LweCiphertext[] {
  const tfhe = tfheRuntime();
  return runLookupPlan(tfhe, planRoundedLookups(tfhe, keys, cts, tables, inputBits));
}

/** applyRoundedLookupTableBatch spread over the workers of `pool` (contiguous equal shares). */
export async function applyRoundedLookupTableBatchInPool(
  keys: EvaluationKeys,
  cts: readonly LweCiphertext[],
  tables: LookupTable | readonly LookupTable[],
  inputBits: number,
  pool: WorkerPool,
): Promise<LweCiphertext[]> {
  const tfhe = tfheRuntime();
  return runLookupPlanInPool(tfhe, planRoundedLookups(tfhe, keys, cts, tables, inputBits), pool);
}

/** Validates the rounded-lookup inputs, then plans the batch with rounded test polynomials. */
function planRoundedLookups(
  tfhe: TfheExports,
  keys: EvaluationKeys,
  cts: readonly LweCiphertext[],
  tables: LookupTable | readonly LookupTable[],
  inputBits: number,
): LookupPlan {
  if (keys.disposed) throw new DisposedError('rounded lookup: the evaluation keys were disposed');
  keys.assertLookups('rounded lookup');
  const params = keys.params;
  const N = params.polynomialSize;
  const perCiphertext = tables.length > 0 && Array.isArray(tables[0]);
  if (perCiphertext && tables.length !== cts.length) {
    throw new LookupTableLengthError(`${cts.length} ciphertexts but ${tables.length} tables`);
  }
  const precision = cts[0]?.precision ?? inputBits;
  if (!Number.isInteger(inputBits) || inputBits < 1 || inputBits > precision) {
    throw new ValueOutOfRangeError(`rounded lookup: inputBits must be an integer in [1, ${precision}] (the ciphertexts' precision), got ${inputBits}`);
  }
  if (2 ** (inputBits + 1) > N) {
    throw new ParameterMismatchError(`rounded lookup: a ${inputBits}-bit table needs N >= 2^${inputBits + 1}, ${params.name} has N = ${N}`);
  }
  for (const ct of cts) {
    ct.assertUsable(params, 'big', 'applyRoundedLookupTableBatch');
    if (ct.precision !== precision) {
      throw new ParameterMismatchError(`rounded lookup: precisions differ (${ct.precision} vs ${precision})`);
    }
  }
  return planLookups(tfhe, keys, cts, tables, 'applyRoundedLookupTableBatch', (table, _ct, lut) =>
    fillRoundedTestPolynomial(tfhe, lut, table, inputBits, precision, N),
  );
}

/** The test polynomial of the doc comment at `lut` (N u64): 2^inputBits boxes, P-bit encoded entries. */
function fillRoundedTestPolynomial(
  tfhe: TfheExports,
  lut: number,
  table: LookupTable,
  inputBits: number,
  precision: number,
  N: number,
): void {
  const count = 2 ** inputBits;
  if (!Array.isArray(table) || table.length !== count) {
    const got = Array.isArray(table) ? `${table.length} entries` : typeof table;
    throw new LookupTableLengthError(`a rounded lookup reading ${inputBits} bits has ${count} entries, got ${got}`);
  }
  const shift = BigInt(63 - precision);
  const encoded = table.map((v, i) => BigInt.asUintN(precision, checkFitsPrecision(v, precision, `table entry ${i}`)) << shift);
  const box = N / count;
  const halfBox = box / 2;
  const words = new BigUint64Array(tfhe.memory.buffer, lut, N);
  for (let x = 0; x < N; x++) {
    const index = Math.floor((x + halfBox) / box);
    words[x] = index >= count ? BigInt.asUintN(64, -encoded[0]!) : encoded[index]!;
  }
}
