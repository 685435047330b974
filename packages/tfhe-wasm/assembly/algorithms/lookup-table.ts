/**
 * The test polynomial of a table lookup f: Z_(2^p) -> Z_(2^p), with one padding bit.
 *
 * After the modulus switch, an input m sits at phase~ ~ m * N / 2^p (+ noise) in [0, N);
 * blind rotation puts coefficient phase~ of the LUT at position 0. So coefficient x holds the
 * output for the input whose box (width N/2^p) is centred nearest to x:
 *   LUT[x] = encode(f(floor((x + box/2) / box)))  for x < N - box/2,
 * and the last half box, reached by a slightly negative phase of m = 0 (i.e. phase~ just below
 * 2N, which reads -LUT[phase~ - N]), holds -encode(f(0)).
 * encode(v) = (v mod 2^p) * 2^(63 - p). `table` holds 2^p i64 values.
 */
export function lookupTableFill(lut: usize, table: usize, precision: i32, polynomialSize: i32): void {
  const count = 1 << precision;
  const box = polynomialSize >> precision;
  const halfBox = box >> 1;
  const valueMask: u64 = (<u64>1 << <u64>precision) - 1;
  const deltaShift = <u64>(63 - precision);
  for (let x = 0; x < polynomialSize; x++) {
    let index = (x + halfBox) / box;
    let encoded: u64;
    if (index >= count) encoded = 0 - ((load<u64>(table) & valueMask) << deltaShift);
    else encoded = (load<u64>(table + (<usize>index << 3)) & valueMask) << deltaShift;
    store<u64>(lut + (<usize>x << 3), encoded);
  }
}
