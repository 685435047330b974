/**
 * A TFHE parameter set for the KS -> PBS pipeline. Ciphertexts live under the big LWE key
 * (dimension k*N, the flattened GLWE key) between operations; each table lookup keyswitches
 * to the small key (dimension n), then bootstraps back under the big key.
 *
 * Noise standard deviations are torus-normalized: multiply by 2^64 for the integer std dev.
 */
export interface ParameterSet {
  /** A stable name, used in fingerprints and error messages. */
  readonly name: string;
  /** Bits of the table-lookup input this set is built for (message + carry bits). */
  readonly precision: number;
  /** n: dimension of the small LWE key (input of the blind rotation). */
  readonly lweDimension: number;
  /** k: number of mask polynomials of a GLWE ciphertext. */
  readonly glweDimension: number;
  /** N: degree of the polynomials (a power of two). */
  readonly polynomialSize: number;
  /** Std dev of the noise of small-key LWE encryptions (keyswitch key). */
  readonly lweNoiseStdDev: number;
  /** Std dev of the noise of GLWE / big-key encryptions (bootstrap key, fresh ciphertexts). */
  readonly glweNoiseStdDev: number;
  /** log2 of the decomposition base of the bootstrap key. */
  readonly pbsBaseLog: number;
  /** Decomposition levels of the bootstrap key. */
  readonly pbsLevel: number;
  /** log2 of the decomposition base of the keyswitch key. */
  readonly ksBaseLog: number;
  /** Decomposition levels of the keyswitch key. */
  readonly ksLevel: number;
  /** Largest 2-norm of the clear weights feeding a bootstrap that the set is sized for. */
  readonly maxNorm2: number;
  /**
   * log2 of the bootstrap failure probability at maxNorm2 as published with the set (tfhe-rs's
   * `log2_p_fail`), for published sets only; the noise model is checked against it.
   */
  readonly recordedLog2PFail?: number;
}
