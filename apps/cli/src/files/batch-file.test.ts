import { describe, expect, it } from '@jest/globals';
import { BatchFileError, packBatch, unpackBatch } from './batch-file.js';

const entries = [Uint8Array.of(1, 2, 3), new Uint8Array(0), Uint8Array.from({ length: 300 }, (_, i) => i % 251)];

describe('batch files (several encrypted rows in one file)', () => {
  it('gives back the entries it packed, in order, for the same kind', () => {
    const bytes = packBatch('inputs', entries);
    expect(bytes.length).toBe(11 + 3 * 4 + 3 + 0 + 300);
    expect(unpackBatch(bytes, 'inputs', 'f').map((e) => Array.from(e))).toEqual(entries.map((e) => Array.from(e)));
    expect(unpackBatch(packBatch('results', []), 'results', 'f')).toEqual([]);
  });

  it('refuses a wrong magic, version or kind by name', () => {
    const bytes = packBatch('inputs', entries);
    const magic = bytes.slice();
    magic[0] = 0;
    expect(() => unpackBatch(magic, 'inputs', 'x.bin')).toThrow(new BatchFileError('x.bin is not a cml batch file (it does not start with CMLB)'));
    const version = bytes.slice();
    version[4] = 2;
    expect(() => unpackBatch(version, 'inputs', 'x.bin')).toThrow(/version 2 is not supported/);
    expect(() => unpackBatch(bytes, 'results', 'x.bin')).toThrow('x.bin holds encrypted inputs, expected encrypted results');
    const unknown = bytes.slice();
    unknown[6] = 7;
    expect(() => unpackBatch(unknown, 'inputs', 'x.bin')).toThrow(/unknown kind \(7\)/);
  });

  it('refuses every truncation and trailing bytes', () => {
    const bytes = packBatch('results', entries);
    for (let length = 0; length < bytes.length; length++) {
      expect(() => unpackBatch(bytes.subarray(0, length), 'results', 'r.bin')).toThrow(BatchFileError);
    }
    expect(() => unpackBatch(Uint8Array.of(...bytes, 0), 'results', 'r.bin')).toThrow('r.bin has 1 bytes after its 3 entries');
  });

  it('refuses an entry length that points past the end', () => {
    const bytes = packBatch('inputs', entries);
    new DataView(bytes.buffer).setUint32(11, 0xffffffff, true);
    expect(() => unpackBatch(bytes, 'inputs', 'x.bin')).toThrow(/entry 1 of 3 needs 4294967295 bytes/);
  });
});
