import type { LweCiphertext } from '@cml/tfhe-wasm';
import type { SeededCiphertexts } from './seeded-ciphertexts.js';

/**
 * Ciphertexts travelling between client and server: one flat array per input (or output),
 * tagged with the circuit fingerprint and the id of the evaluation keys they belong to.
 */
export interface EncryptedValues {
  readonly circuit: string;
  readonly keys: string;
  readonly shapes: readonly (readonly number[])[];
  /** One list per input (or output); empty for a clear argument. */
  readonly ciphertexts: readonly (readonly LweCiphertext[])[];
  /** Per input: the clear argument's flat values, or null for an encrypted one. Absent for results. */
  readonly clear?: readonly (readonly number[] | null)[];
  /**
   * The client's encryptions in seeded form (seed + one body per ciphertext, inputs in order),
   * which is what serializeEncrypted sends. Absent for results: the server's ciphertexts have
   * no seed.
   */
  readonly seeded?: SeededCiphertexts;
}

/** Seeded values whose full ciphertexts were never asked for (nothing in WASM memory yet). */
const unexpanded = new WeakSet<EncryptedValues>();

/**
 * A client's encryptions held as seed + bodies; `ciphertexts` regenerates the masks into WASM
 * memory on first access (a run in this process), so encrypting only to send allocates nothing.
 */
export function lazilyExpanded(
  base: Omit<EncryptedValues, 'ciphertexts' | 'seeded'> & { readonly seeded: SeededCiphertexts },
  expand: () => readonly (readonly LweCiphertext[])[],
): EncryptedValues {
  let ciphertexts: readonly (readonly LweCiphertext[])[] | undefined;
  const values: EncryptedValues = {
    ...base,
    get ciphertexts() {
      if (!ciphertexts) {
        ciphertexts = expand();
        unexpanded.delete(values);
      }
      return ciphertexts;
    },
  };
  unexpanded.add(values);
  return values;
}

/** Frees the WASM memory of every ciphertext. */
export function disposeEncrypted(values: EncryptedValues): void {
  if (unexpanded.has(values)) return;
  for (const list of values.ciphertexts) for (const ct of list) ct.dispose();
}
