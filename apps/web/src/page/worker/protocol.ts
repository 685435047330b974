/**
 * Messages between the page and the FHE worker. The worker holds the secret key (and keeps it
 * in IndexedDB); the page only ever receives public bytes: evaluation keys, ciphertexts, and
 * decrypted results.
 */
import type { ClientResult } from '@cml/ml/client';

export interface WorkerRequests {
  /** Builds the client of one model; restores its keys from IndexedDB when stored. */
  open: {
    request: { modelId: string; specJson: Uint8Array; clientBin: Uint8Array; fingerprint: string };
    reply: { restored: { evaluationKeys: Uint8Array; ms: number } | undefined };
  };
  /** Generates fresh keys and stores them in IndexedDB. */
  keygen: { request: Record<string, never>; reply: { evaluationKeys: Uint8Array; ms: number; saved: boolean } };
  encrypt: { request: { row: number[] }; reply: { bytes: Uint8Array; ms: number } };
  decrypt: { request: { bytes: Uint8Array }; reply: { result: ClientResult; ms: number } };
  /** Drops the current keys from memory and from IndexedDB. */
  forget: { request: Record<string, never>; reply: { forgotten: boolean } };
}

export type RequestKind = keyof WorkerRequests;

export interface RequestMessage<K extends RequestKind = RequestKind> {
  readonly id: number;
  readonly kind: K;
  readonly request: WorkerRequests[K]['request'];
}

/** Key generation phases, reported as they start. */
export type Phase = 'loading the WASM core' | 'generating keys' | 'serializing keys' | 'saving keys in IndexedDB';
export const KEYGEN_PHASES: readonly Phase[] = ['loading the WASM core', 'generating keys', 'serializing keys', 'saving keys in IndexedDB'];

export type ReplyMessage =
  | { readonly id: number; readonly type: 'progress'; readonly phase: Phase }
  | { readonly id: number; readonly type: 'done'; readonly reply: unknown }
  | { readonly id: number; readonly type: 'failed'; readonly error: { name: string; message: string } };
