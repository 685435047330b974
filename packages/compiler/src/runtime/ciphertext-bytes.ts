import { LweCiphertext, type ParameterSet } from '@cml/tfhe-wasm';
import { CorruptedDataError } from '../errors.js';
import type { EncryptedValues } from './encrypted-values.js';
import { loadTfhe } from './fhe-backend.js';
import { packFrame, unpackFrame } from './frame.js';

interface EncryptedHeader {
  readonly circuit: string;
  readonly keys: string;
  readonly parameters: string;
  readonly precision: number;
  readonly words: number;
  readonly shapes: readonly (readonly number[])[];
  readonly clear: readonly (readonly number[] | null)[] | null;
}

/** Ciphertexts to bytes: their (a, b) words, tagged with circuit, keys and parameters. */
export function serializeEncrypted(values: EncryptedValues): Uint8Array {
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
    circuit: values.circuit,
    keys: values.keys,
    parameters: first?.params.name ?? '',
    precision: first?.precision ?? 0,
    words,
    shapes: values.shapes,
    clear: values.clear ?? null,
  };
  return packFrame('encrypted-values', header, new Uint8Array(body.buffer));
}

/** Bytes back to ciphertexts (in WASM memory) for a circuit running `parameters`. */
export async function deserializeEncrypted(
  bytes: Uint8Array,
  parameters: ParameterSet,
): Promise<EncryptedValues> {
  const { header, body } = unpackFrame<EncryptedHeader>(bytes, 'encrypted-values');
  const tfhe = await loadTfhe();
  const expectedWords = parameters.glweDimension * parameters.polynomialSize + 1;
  if (header.parameters !== parameters.name || header.words !== expectedWords) {
    throw new CorruptedDataError(
      `ciphertexts for parameters ${header.parameters} cannot be read with ${parameters.name}`,
    );
  }
  if (body.byteLength % 8 !== 0) {
    throw new CorruptedDataError(`ciphertext words: ${body.byteLength} bytes is not a whole number of 64-bit words`);
  }
  // unpackFrame copies the body, so it starts 8-byte aligned wherever the input bytes sat.
  const words = new BigUint64Array(body.buffer, body.byteOffset, body.byteLength / 8);
  let offset = 0;
  const ciphertexts = header.shapes.map((shape, k) =>
    Array.from({ length: header.clear?.[k] ? 0 : shape.reduce((a, b) => a * b, 1) }, () => {
      const ct = new LweCiphertext(tfhe, parameters, 'big', header.precision);
      new BigUint64Array(tfhe.memory.buffer, ct.ptr, header.words).set(
        words.subarray(offset, offset + header.words),
      );
      offset += header.words;
      return ct;
    }),
  );
  if (offset !== words.length)
    throw new CorruptedDataError(
      `ciphertext bytes hold ${words.length} words, the shapes need ${offset}`,
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
