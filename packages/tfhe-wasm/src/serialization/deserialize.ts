import type { ClientKey } from '../client-key.js';
import type { EvaluationKeys } from '../evaluation-keys.js';
import type { LweCiphertext } from '../lwe-ciphertext.js';
import type { ParameterSet } from '../params/parameter-set.js';
import { FrameKind, peekFrameKind } from '../wire/frame.js';
import { DeserializationError } from '../wire/wire-errors.js';
import { deserializeClientKey } from './client-key-format.js';
import { deserializeCompressedCiphertexts } from './compressed-ciphertexts.js';
import { deserializeEvaluationKeys } from './evaluation-keys-format.js';
import { deserializeCiphertext, deserializeCiphertexts } from './lwe-ciphertext-format.js';

/** What a frame held, tagged by its kind. */
export type DeserializedObject =
  | { readonly kind: 'ClientKey'; readonly value: ClientKey }
  | { readonly kind: 'EvaluationKeys'; readonly value: EvaluationKeys }
  | { readonly kind: 'LweCiphertext'; readonly value: LweCiphertext }
  | { readonly kind: 'LweCiphertextBatch'; readonly value: LweCiphertext[] }
  | { readonly kind: 'CompressedLweCiphertexts'; readonly value: LweCiphertext[] };

/**
 * Reads any frame this library writes, choosing the reader from the frame's kind (requires
 * initTfhe()). The one kind the format reserves but no writer produces (uncompressed
 * EvaluationKeys) is rejected ('wrong-kind').
 */
export function deserialize(bytes: Uint8Array, expectedParams?: ParameterSet): DeserializedObject {
  const kind = peekFrameKind(bytes);
  switch (kind) {
    case FrameKind.ClientKey:
      return { kind: 'ClientKey', value: deserializeClientKey(bytes, expectedParams) };
    case FrameKind.CompressedEvaluationKeys:
      return { kind: 'EvaluationKeys', value: deserializeEvaluationKeys(bytes, expectedParams) };
    case FrameKind.LweCiphertext:
      return { kind: 'LweCiphertext', value: deserializeCiphertext(bytes, expectedParams) };
    case FrameKind.LweCiphertextBatch:
      return { kind: 'LweCiphertextBatch', value: deserializeCiphertexts(bytes, expectedParams) };
    case FrameKind.CompressedLweCiphertext:
      return { kind: 'CompressedLweCiphertexts', value: deserializeCompressedCiphertexts(bytes, expectedParams) };
    default:
      throw new DeserializationError('wrong-kind', `no reader for frame kind ${kind} (reserved, never written)`);
  }
}
