import { expect } from '@jest/globals';
import type { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import { deterministicTestValues } from './deterministic-values.js';

/**
 * Applies `tableCount` random tables (plus the identity up to 4 bits) to every p-bit input,
 * unsigned, and one random signed table to every signed input; expects every output exactly.
 * Returns the number of bootstraps run.
 */
export function checkEveryInputOfRandomTables(key: ClientKey, evk: EvaluationKeys, precision: number, tableCount: number): number {
  const size = 2 ** precision;
  const values = deterministicTestValues(`tables-${key.params.name}`);
  const tables = precision <= 4 ? [Array.from({ length: size }, (_, i) => i)] : [];
  for (let t = 0; t < tableCount; t++) tables.push(Array.from({ length: size }, () => values.int(0, size)));
  let runs = 0;
  for (const table of tables) {
    const got: number[] = [];
    for (let m = 0; m < size; m++) {
      const ct = key.encrypt(m, precision);
      const out = evk.applyLookupTable(ct, table);
      got.push(key.decrypt(out));
      ct.dispose();
      out.dispose();
      runs++;
    }
    expect(got).toEqual(table);
  }
  // Signed: input x in [-2^(p-1), 2^(p-1)) sits at index x mod 2^p; entries are signed too.
  const half = size / 2;
  const signedTable = Array.from({ length: size }, () => values.int(-half, half));
  const got: number[] = [];
  const expected: number[] = [];
  for (let x = -half; x < half; x++) {
    const ct = key.encrypt(x, precision);
    const out = evk.applyLookupTable(ct, signedTable);
    got.push(key.decrypt(out, { signed: true }));
    expected.push(signedTable[(x + size) % size]!);
    ct.dispose();
    out.dispose();
    runs++;
  }
  expect(got).toEqual(expected);
  return runs;
}
