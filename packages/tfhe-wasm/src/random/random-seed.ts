/** Bytes in a CSPRNG seed (a ChaCha20 key). */
export const SEED_BYTES = 32;

/**
 * A fresh 32-byte seed from the platform's cryptographic generator
 * (`globalThis.crypto.getRandomValues`: Web Crypto in browsers and in Node >= 19).
 */
export function randomSeed(): Uint8Array {
  const crypto = globalThis.crypto as Crypto | undefined;
  if (crypto === undefined || typeof crypto.getRandomValues !== 'function') {
    throw new Error('randomSeed: globalThis.crypto.getRandomValues is not available on this platform');
  }
  return crypto.getRandomValues(new Uint8Array(SEED_BYTES));
}
