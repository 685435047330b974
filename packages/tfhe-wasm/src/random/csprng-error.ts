/** A CSPRNG was driven with bad arguments (pointer, seed, stream or count out of range). */
export class CsprngError extends Error {
  override readonly name = 'CsprngError';
}
