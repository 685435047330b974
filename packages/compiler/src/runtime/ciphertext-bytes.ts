import { LweCiphertext, type ParameterSet } from '@cml/tfhe-wasm';
import { CorruptedDataError } from '../errors.js';
import { checkEncryptedHeader, encryptedCount, type EncryptedHeader } from './encrypted-header.js';
import type { EncryptedValues } from './encrypted-values.js';
import { loadTfhe } from './fhe-backend.js';
import { packFrame, unpackFrame } from './frame.js';
import { expandSeeded, SEED_BYTES } from './seeded-ciphertexts.js';

/**
 * Ciphertexts to bytes, tagged with circuit, keys and parameters. A client's encryptions go
 * as `encoding: 'seeded'`: the 32-byte mask seed then one u64 body per ciphertext. Results
 * (computed by the server, no seed) go as `encoding: 'full'`: the (a, b) words of each.
 */
export function serializeEncrypted(values: EncryptedValues): Uint8Array {
  const common = {
    circuit: values.circuit,
    keys: values.keys,
    shapes: values.shapes,
    clear: values.clear ?? null,
  };
  if (values.seeded) {
    // Reads only the seed and bodies: the masks are never expanded for sending.
    const { seed, bodies, precision, parameters } = values.seeded;
    const body = new Uint8Array(SEED_BYTES + bodies.byteLength);
    body.set(seed, 0);
    body.set(new Uint8Array(bodies.buffer, bodies.byteOffset, bodies.byteLength), SEED_BYTES);
    const header: EncryptedHeader = { ...common, parameters, precision, encoding: 'seeded' };
    return packFrame('encrypted-values', header, body);
  }
  const first = values.ciphertexts.find((list) => list.length > 0)?.[0];
  const words = first?.words ?? 0;
  const count = values.ciphertexts.reduce((n, list) => n + list.length, 0);
  const body = new BigUint64Array(count * words);
  let offset = 0;
  for (const list of values.ciphertexts) {
    for (const ct of list) {
      body.set(ct.toWords(), offset);
      offset += words;
    }
  }
  const header: EncryptedHeader = {
    ...common,
    parameters: first?.params.name ?? '',
    precision: first?.precision ?? 0,
    encoding: 'full',
    words,
  };
  return packFrame('encrypted-values', header, new Uint8Array(body.buffer));
}

/**
 * Bytes back to ciphertexts (in WASM memory) for a circuit running `parameters`. Reads both
 * encodings; frames written before seeded ciphertexts existed carry no `encoding` and are full.
 * Every length is checked before any WASM memory is allocated.
 */
export async function deserializeEncrypted(
  bytes: Uint8Array,
  parameters: ParameterSet,
): Promise<EncryptedValues> {
  const { header, body } = unpackFrame<EncryptedHeader>(bytes, 'encrypted-values');
  checkEncryptedHeader(header);
  const count = encryptedCount(header);
  const tfhe = await loadTfhe();
  if (count > 0 && header.parameters !== parameters.name) {
    throw new CorruptedDataError(
      `ciphertexts for parameters ${header.parameters} cannot be read with ${parameters.name}`,
    );
  }
  const flat = header.encoding === 'seeded' ? readSeeded(header, body, count, parameters) : undefined;
  const words = flat ? undefined : fullWords(header, body, count, parameters);
  let next = 0;
  const ciphertexts = header.shapes.map((shape, k) =>
    Array.from({ length: header.clear?.[k] ? 0 : shape.reduce((a, b) => a * b, 1) }, () => {
      const index = next++;
      if (flat) return flat[index] as LweCiphertext;
      const size = header.words ?? 0;
      const ct = new LweCiphertext(tfhe, parameters, 'big', header.precision);
      new BigUint64Array(tfhe.memory.buffer, ct.ptr, size).set(
        (words as BigUint64Array).subarray(index * size, (index + 1) * size),
      );
      return ct;
    }),
  );
  const clear = header.clear ?? undefined;
  return {
    circuit: header.circuit,
    keys: header.keys,
    shapes: header.shapes,
    ciphertexts,
    ...(clear ? { clear } : {}),
  };
}

function readSeeded(
  header: EncryptedHeader,
  body: Uint8Array,
  count: number,
  parameters: ParameterSet,
): LweCiphertext[] {
  if (body.byteLength !== SEED_BYTES + 8 * count) {
    throw new CorruptedDataError(
      `seeded ciphertexts: ${body.byteLength} bytes, the shapes need ${SEED_BYTES} (seed) + 8 x ${count} (bodies)`,
    );
  }
  if (count === 0) return [];
  // unpackFrame copies the body, so it starts 8-byte aligned wherever the input bytes sat.
  const bodies = new BigUint64Array(body.buffer, body.byteOffset + SEED_BYTES, count);
  return expandSeeded(
    { seed: body.slice(0, SEED_BYTES), bodies, precision: header.precision, parameters: header.parameters },
    parameters,
  );
}

function fullWords(
  header: EncryptedHeader,
  body: Uint8Array,
  count: number,
  parameters: ParameterSet,
): BigUint64Array {
  const expectedWords = parameters.glweDimension * parameters.polynomialSize + 1;
  if (count > 0 && header.words !== expectedWords) {
    throw new CorruptedDataError(
      `ciphertexts of ${header.words} words cannot be read with ${parameters.name} (${expectedWords} words)`,
    );
  }
  if (body.byteLength !== 8 * count * (count > 0 ? expectedWords : 0)) {
    throw new CorruptedDataError(
      `ciphertext bytes: ${body.byteLength} bytes, the shapes need ${count} ciphertexts of ${expectedWords} words`,
    );
  }
  return new BigUint64Array(body.buffer, body.byteOffset, body.byteLength / 8);
}
