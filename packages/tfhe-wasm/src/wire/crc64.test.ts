import { describe, expect, it } from '@jest/globals';
import { crc64 } from './crc64.js';

/** Bit-at-a-time CRC-64/XZ with bigint: the textbook definition, as the reference. */
function crc64Reference(bytes: Uint8Array): bigint {
  const poly = 0xc96c5795d7870f42n;
  let crc = (1n << 64n) - 1n;
  for (const byte of bytes) {
    crc ^= BigInt(byte);
    for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
  }
  return crc ^ ((1n << 64n) - 1n);
}

describe('crc64 (CRC-64/XZ)', () => {
  it('gives the catalogued check value for "123456789"', () => {
    expect(crc64(new TextEncoder().encode('123456789'))).toBe(0x995dc9bbdf1939fan);
  });

  it('gives 0 for no bytes', () => {
    expect(crc64(new Uint8Array(0))).toBe(0n);
  });

  it('equals the bit-at-a-time definition for every length from 0 to 100', () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => (i * 131 + 7) & 0xff);
    for (let n = 0; n <= 100; n++) expect(crc64(bytes.subarray(0, n))).toBe(crc64Reference(bytes.subarray(0, n)));
  });

  it('gives the same value for unaligned views of the same bytes', () => {
    const bytes = Uint8Array.from({ length: 203 }, (_, i) => (i * 29 + 3) & 0xff);
    for (let shift = 1; shift < 8; shift++) {
      const holder = new Uint8Array(bytes.length + shift);
      holder.set(bytes, shift);
      expect(crc64(holder.subarray(shift))).toBe(crc64Reference(bytes));
    }
  });

  it('changes when any single byte of a buffer changes', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => i);
    const base = crc64(bytes);
    for (let i = 0; i < bytes.length; i++) {
      for (const flip of [1, 0x80, 0xff]) {
        const copy = bytes.slice();
        copy[i]! ^= flip;
        expect(crc64(copy)).not.toBe(base);
      }
    }
  });
});
