/**
 * A 64-bit FNV-1a style digest (two 32-bit lanes) of a string, as 16 hex digits. It tells
 * artifacts of different circuits or keys apart; it is not a cryptographic commitment.
 */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Identifies a set of evaluation keys by their public mask seed. */
export function keyId(maskSeed: Uint8Array): string {
  return fingerprint(Array.from(maskSeed, (byte) => byte.toString(16).padStart(2, '0')).join(''));
}
