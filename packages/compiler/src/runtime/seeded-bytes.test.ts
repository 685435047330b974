import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { np, type Tracer } from '@cml/tracer';
import { compile } from '../compile.js';
import { CorruptedDataError } from '../errors.js';
import { deserializeEncrypted, serializeEncrypted } from './ciphertext-bytes.js';
import { Client } from './client.js';
import { disposeEncrypted, type EncryptedValues } from './encrypted-values.js';
import { loadTfhe } from './fhe-backend.js';
import { packFrame, unpackFrame } from './frame.js';
import { SEED_BYTES } from './seeded-ciphertexts.js';

// Signed inputs: negative values keep their padding bit through the seeded body.
const signed = compile((x: Tracer) => np.relu(x.add(1)), { x: 'encrypted' }, [[-4, 3, 0]]);
const wide = compile((x: Tracer) => np.relu(x.sub(30)), { x: 'encrypted' }, [0, 60]);

const words = (values: EncryptedValues): bigint[][] =>
  values.ciphertexts.flat().map((ct) => Array.from(ct.toWords()));
const seedOf = (bytes: Uint8Array): Uint8Array =>
  unpackFrame<object>(bytes, 'encrypted-values').body.slice(0, SEED_BYTES);
const withoutSeed = ({ seeded: _, ...values }: EncryptedValues): EncryptedValues => values;

describe('seeded encrypted arguments on the wire', () => {
  const client = Client.load(signed.client.serialize());
  beforeAll(async () => {
    await client.keygen();
  });
  afterAll(() => client.dispose());

  it('sends the seed and one 8-byte body per ciphertext, and the server regenerates the same masks', async () => {
    const args = client.encrypt([-4, 3, -1]);
    const bytes = serializeEncrypted(args);
    const { header, body } = unpackFrame<{ encoding: string }>(bytes, 'encrypted-values');
    expect(header.encoding).toBe('seeded');
    expect(body.length).toBe(SEED_BYTES + 3 * 8);
    const read = await deserializeEncrypted(bytes, signed.parameters);
    expect(words(read)).toEqual(words(args));
    const [out] = client.decrypt(await signed.server.run(read, client.evaluationKeys));
    expect(out?.toArray()).toEqual([0, 4, 0]);
    disposeEncrypted(read);
    disposeEncrypted(args);
  });

  it('is about (kN + 1) times smaller than the full ciphertexts', () => {
    const args = client.encrypt([1, 2, 3]);
    const seeded = serializeEncrypted(args);
    const full = serializeEncrypted(withoutSeed(args));
    const wordsPerCiphertext = signed.parameters.glweDimension * signed.parameters.polynomialSize + 1;
    expect(unpackFrame<object>(full, 'encrypted-values').body.length).toBe(3 * 8 * wordsPerCiphertext);
    expect(full.length / seeded.length).toBeGreaterThan(wordsPerCiphertext / 20);
    expect(seeded.length).toBeLessThan(1000);
    disposeEncrypted(args);
  });

  it('builds no full ciphertext in WASM memory when the encryption is only sent', async () => {
    const { allocator } = await loadTfhe();
    const before = allocator.usedBytes;
    const bytes = serializeEncrypted(client.encrypt([1, 2, 3]));
    expect(allocator.usedBytes).toBe(before);
    const args = client.encrypt([1, 2, 3]);
    expect(args.ciphertexts.flat()).toHaveLength(3); // a local run reads them: expanded now
    expect(allocator.usedBytes).toBeGreaterThan(before);
    expect(serializeEncrypted(args).length).toBe(bytes.length);
    disposeEncrypted(args);
    expect(allocator.usedBytes).toBe(before);
  });

  it('draws a fresh seed for every encryption, so equal values give different bytes', () => {
    const first = serializeEncrypted(client.encrypt([2, 2, 2]));
    const second = serializeEncrypted(client.encrypt([2, 2, 2]));
    expect(Buffer.from(seedOf(first))).not.toEqual(Buffer.from(seedOf(second)));
    expect(seedOf(first).some((byte) => byte !== 0)).toBe(true);
    const bodies = (bytes: Uint8Array): Buffer => Buffer.from(unpackFrame<object>(bytes, 'encrypted-values').body.subarray(SEED_BYTES));
    expect(bodies(first)).not.toEqual(bodies(second));
  });

  it('still reads full ciphertexts, including frames written before the encoding field existed', async () => {
    const args = client.encrypt([3, -2, 0]);
    const full = serializeEncrypted(withoutSeed(args));
    const { header, body } = unpackFrame<Record<string, unknown>>(full, 'encrypted-values');
    const { kind: _, encoding, ...legacyHeader } = header;
    expect(encoding).toBe('full');
    for (const bytes of [full, packFrame('encrypted-values', legacyHeader, body)]) {
      const read = await deserializeEncrypted(bytes, signed.parameters);
      expect(words(read)).toEqual(words(args));
      disposeEncrypted(read);
    }
    disposeEncrypted(args);
  });

  it('rejects every flipped byte and every truncation of a seeded frame with CorruptedDataError', async () => {
    const bytes = serializeEncrypted(client.encrypt([1, -1, 0]));
    for (let offset = 0; offset < bytes.length; offset++) {
      const flipped = bytes.slice();
      flipped[offset]! ^= 1 << offset % 8;
      await expect(deserializeEncrypted(flipped, signed.parameters)).rejects.toThrow(CorruptedDataError);
      await expect(deserializeEncrypted(bytes.subarray(0, offset), signed.parameters)).rejects.toThrow(CorruptedDataError);
    }
  });

  it('rejects well-checksummed frames with a damaged header or body, naming the problem', async () => {
    const { header, body } = unpackFrame<Record<string, unknown>>(serializeEncrypted(client.encrypt([0, 1, 2])), 'encrypted-values');
    const { kind: _, ...fields } = header;
    const cases: [Record<string, unknown>, Uint8Array, RegExp][] = [
      [{ ...fields, encoding: 'zstd' }, body, /unknown encoding "zstd"/],
      [{ ...fields, parameters: 'another-set' }, body, /parameters another-set cannot be read/],
      [fields, body.subarray(0, body.length - 8), /the shapes need 32 \(seed\) \+ 8 x 3/],
      [fields, new Uint8Array([...body, ...new Uint8Array(8)]), /the shapes need 32 \(seed\) \+ 8 x 3/],
      [{ ...fields, shapes: [[4]] }, body, /the shapes need 32 \(seed\) \+ 8 x 4/],
      [{ ...fields, shapes: [[-3]] }, body, /non-negative integers/],
      [{ ...fields, shapes: [[2 ** 20, 2 ** 20]] }, body, /exceed/],
      [{ ...fields, precision: 0 }, body, /precision 0/],
      [{ ...fields, precision: 40 }, body, /precision 40/],
      [{ ...fields, clear: [null, null] }, body, /one entry per input/],
      [{ ...fields, circuit: 7 }, body, /must be strings/],
    ];
    for (const [damaged, damagedBody, message] of cases) {
      const bytes = packFrame('encrypted-values', damaged, damagedBody);
      await expect(deserializeEncrypted(bytes, signed.parameters)).rejects.toThrow(CorruptedDataError);
      await expect(deserializeEncrypted(bytes, signed.parameters)).rejects.toThrow(message);
    }
  });

  it('refuses seeded ciphertexts made for another parameter set', async () => {
    expect(wide.parameters.name).not.toBe(signed.parameters.name);
    const bytes = serializeEncrypted(client.encrypt([0, 0, 0]));
    await expect(deserializeEncrypted(bytes, wide.parameters)).rejects.toThrow(CorruptedDataError);
  });
});
