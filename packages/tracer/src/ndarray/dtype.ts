/**
 * DTypes. At trace time an integer is just `int`: its signedness and bit-width are facts about
 * the values it takes, so `measureBounds` reports them. `float` is float64, for intermediate
 * values (a quantized model's clear parts, or a float subgraph the compiler fuses into a lookup).
 */
export type DType = 'int' | 'float';

/** numpy's promotion restricted to our two kinds: int op int -> int, anything with float -> float. */
export function promoteTypes(...dtypes: readonly DType[]): DType {
  return dtypes.includes('float') ? 'float' : 'int';
}

/** The dtype a JS number gets when it enters an array: integers are `int`, the rest `float`. */
export function dtypeOfNumber(value: number): DType {
  return Number.isInteger(value) ? 'int' : 'float';
}

export function isDType(value: unknown): value is DType {
  return value === 'int' || value === 'float';
}
