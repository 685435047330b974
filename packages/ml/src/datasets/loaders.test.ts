import { describe, expect, it } from '@jest/globals';
import { loadBreastCancer, loadDiabetes, loadDigits, loadIris, loadWine } from './loaders.js';

function classCounts(target: number[]): number[] {
  const counts: number[] = [];
  for (const t of target) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

describe('bundled datasets', () => {
  it.each([
    ['breast_cancer', loadBreastCancer, 569, 30, [212, 357]],
    ['iris', loadIris, 150, 4, [50, 50, 50]],
    ['wine', loadWine, 178, 13, [59, 71, 48]],
    ['digits', loadDigits, 1797, 64, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]],
  ] as const)('%s has sklearn’s shape and class counts', async (_, load, rows, cols, counts) => {
    const d = await load();
    expect(d.data).toHaveLength(rows);
    expect(d.data.every((r) => r.length === cols)).toBe(true);
    expect(d.featureNames).toHaveLength(cols);
    expect(classCounts(d.target)).toEqual(counts);
    expect(d.targetNames).toHaveLength(counts.length);
  });

  it('diabetes is 442 × 10 with a regression target in [25, 346]', async () => {
    const d = await loadDiabetes();
    expect(d.data).toHaveLength(442);
    expect(d.data.every((r) => r.length === 10)).toBe(true);
    expect(Math.min(...d.target)).toBe(25);
    expect(Math.max(...d.target)).toBe(346);
    expect(d.targetNames).toBeUndefined();
  });

  it('gives each caller its own copy', async () => {
    const a = await loadIris();
    (a.data[0] as number[])[0] = -1;
    a.target[0] = 99;
    const b = await loadIris();
    expect(b.data[0]).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(b.target[0]).toBe(0);
  });
});
