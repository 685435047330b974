import { describe, expect, it } from '@jest/globals';
import { symmetricEigen } from '../linear-model/symmetric-eigen.js';
import { minimizeLbfgs } from './lbfgs.js';
import { choleskySolve } from './matrix.js';
import { nextDown } from './next-down.js';
import { Rng } from './random.js';

describe('L-BFGS', () => {
  it('finds the Rosenbrock minimum (1, 1) from (−1.2, 1)', () => {
    const result = minimizeLbfgs(
      (x, g) => {
        const a = x[0] as number;
        const b = x[1] as number;
        g[0] = -400 * a * (b - a * a) - 2 * (1 - a);
        g[1] = 200 * (b - a * a);
        return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
      },
      Float64Array.from([-1.2, 1]),
      { maxIter: 500, gtol: 1e-8, ftol: 0 },
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });
});

describe('dense linear algebra', () => {
  const A = Float64Array.from([4, 1, 2, 1, 3, 0.5, 2, 0.5, 5]);

  it('Cholesky solves an SPD system and refuses an indefinite one', () => {
    const x = choleskySolve(A, Float64Array.from([1, 2, 3]), 3) as Float64Array;
    for (let i = 0; i < 3; i++) {
      const row = (A[3 * i] as number) * (x[0] as number) + (A[3 * i + 1] as number) * (x[1] as number) + (A[3 * i + 2] as number) * (x[2] as number);
      expect(row).toBeCloseTo(i + 1, 12);
    }
    expect(choleskySolve(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toBeUndefined();
  });

  it('Jacobi eigen-decomposition reconstructs A = V·diag(λ)·Vᵀ', () => {
    const { values, vectors } = symmetricEigen(A, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += (vectors[3 * i + k] as number) * (values[k] as number) * (vectors[3 * j + k] as number);
        expect(s).toBeCloseTo(A[3 * i + j] as number, 12);
      }
    }
  });
});

describe('Rng (mulberry32)', () => {
  it('is reproducible per seed and roughly uniform', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const draws = Array.from({ length: 20000 }, () => a.nextFloat());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.nextFloat()));
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    const buckets = new Array<number>(10).fill(0);
    for (const v of draws) buckets[Math.floor(v * 10)]! += 1;
    for (const c of buckets) expect(Math.abs(c - 2000)).toBeLessThan(200);
  });

  it('permutations hold every index once and nextInt stays in range', () => {
    const rng = new Rng(1);
    expect(rng.permutation(50).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const ints = Array.from({ length: 1000 }, () => rng.nextInt(7));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
  });
});

describe('nextDown', () => {
  it('returns the adjacent smaller double', () => {
    for (const x of [1, 0.1, -3.5, 1e-300, 123456.789]) {
      const d = nextDown(x);
      expect(d).toBeLessThan(x);
      expect((d + x) / 2 === d || (d + x) / 2 === x).toBe(true);
    }
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
  });
});
