import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientKey } from './client-key.js';
import { DisposedError, ParameterMismatchError, ValueOutOfRangeError } from './errors.js';
import { dotProduct, matrixVectorProduct } from './linear-algebra.js';
import { TOY_PARAMETERS_INSECURE } from './testing/toy-parameters.js';
import { deterministicTestValues } from './testing/deterministic-values.js';
import { initTfhe } from './wasm-module.js';

let key: ClientKey;
beforeAll(async () => {
  await initTfhe();
  key = ClientKey.generate(TOY_PARAMETERS_INSECURE);
});
afterAll(() => key.dispose());

const mod = (x: number, p: number) => ((x % 2 ** p) + 2 ** p) % 2 ** p;

describe('LWE encryption under the big key', () => {
  it('round-trips every unsigned value at every precision', () => {
    for (let p = 1; p <= 3; p++) {
      for (let m = 0; m < 2 ** p; m++) {
        const ct = key.encrypt(m, p);
        expect(key.decrypt(ct)).toBe(m);
        ct.dispose();
      }
    }
  });

  it('round-trips signed values with the signed option', () => {
    for (let m = -4; m < 4; m++) {
      const ct = key.encrypt(m, 3);
      expect(key.decrypt(ct, { signed: true })).toBe(m);
      expect(key.decrypt(ct)).toBe(mod(m, 3));
      ct.dispose();
    }
  });

  it('uses a fresh mask for every encryption', () => {
    const a = key.encrypt(1);
    const b = key.encrypt(1);
    expect(a.toWords()).not.toEqual(b.toWords());
    a.dispose();
    b.dispose();
  });

  it('rejects values outside the precision and precisions above the set', () => {
    expect(() => key.encrypt(8, 3)).toThrow(ValueOutOfRangeError);
    expect(() => key.encrypt(-5, 3)).toThrow(ValueOutOfRangeError);
    expect(() => key.encrypt(1.5)).toThrow(ValueOutOfRangeError);
    expect(() => key.encrypt(0, 4)).toThrow(/exceeds/);
  });
});

describe('LWE arithmetic', () => {
  const values = deterministicTestValues('lwe-arith');
  it('adds, subtracts, negates, scales and adds clear values modulo 2^p', () => {
    for (let trial = 0; trial < 20; trial++) {
      const x = values.int(0, 8);
      const y = values.int(0, 8);
      const w = values.int(-9, 10);
      const a = key.encrypt(x);
      const b = key.encrypt(y);
      const results = [
        [a.add(b), mod(x + y, 3)],
        [a.sub(b), mod(x - y, 3)],
        [a.neg(), mod(-x, 3)],
        [a.mulScalar(w), mod(w * x, 3)],
        [a.addScalar(y), mod(x + y, 3)],
      ] as const;
      for (const [ct, expected] of results) {
        expect(key.decrypt(ct)).toBe(expected);
        ct.dispose();
      }
      a.dispose();
      b.dispose();
    }
  });

  it('computes dot products and matrix x vector products with clear integer weights', () => {
    const xs = [3, 1, 4, 1, 5];
    const matrix = [
      [1, -2, 0, 3, 1],
      [0, 0, 7, -1, 2],
      [-3, 5, 1, 1, -1],
    ];
    const cts = xs.map((x) => key.encrypt(x));
    const dot = dotProduct(cts, matrix[0]!);
    expect(key.decrypt(dot)).toBe(mod(3 - 2 + 0 + 3 + 5, 3));
    const outs = matrixVectorProduct(matrix, cts);
    outs.forEach((ct, r) => {
      const expected = matrix[r]!.reduce((s, w, c) => s + w * xs[c]!, 0);
      expect(key.decrypt(ct)).toBe(mod(expected, 3));
    });
    for (const ct of [...cts, dot, ...outs]) ct.dispose();
  });

  it('rejects a matrix row of the wrong width', () => {
    const cts = [key.encrypt(1), key.encrypt(2)];
    expect(() => matrixVectorProduct([[1, 2, 3]], cts)).toThrow(ValueOutOfRangeError);
    for (const ct of cts) ct.dispose();
  });

  it('refuses to mix precisions or use a disposed ciphertext', () => {
    const a = key.encrypt(1, 3);
    const b = key.encrypt(1, 2);
    expect(() => a.add(b)).toThrow(ParameterMismatchError);
    b.dispose();
    expect(() => key.decrypt(b)).toThrow(DisposedError);
    expect(() => a.add(b)).toThrow(DisposedError);
    a.dispose();
  });
});
