/**
 * Sample extraction of coefficient 0 of a GLWE ciphertext (A_0..A_(k-1), B) as an LWE
 * ciphertext under the flattened GLWE key (s_(iN + x) = coefficient x of S_i), dimension kN:
 *   [A_i * S_i]_0 = A_i[0] S_i[0] - sum_(x >= 1) A_i[N - x] S_i[x]   (X^N = -1)
 * so the LWE mask is a_(iN) = A_i[0], a_(iN + x) = -A_i[N - x], and b = B[0].
 */
export function glweSampleExtract(lwe: usize, glwe: usize, glweDimension: i32, polynomialSize: i32): void {
  const nb = <usize>polynomialSize << 3;
  for (let i = 0; i < glweDimension; i++) {
    const src = glwe + <usize>i * nb;
    const dst = lwe + <usize>i * nb;
    store<u64>(dst, load<u64>(src));
    for (let x: usize = 1; x < <usize>polynomialSize; x++) {
      store<u64>(dst + (x << 3), 0 - load<u64>(src + nb - (x << 3)));
    }
  }
  store<u64>(lwe + <usize>glweDimension * nb, load<u64>(glwe + <usize>glweDimension * nb));
}
