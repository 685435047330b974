import { beforeAll, describe, expect, it } from '@jest/globals';
import { chacha20 } from '@noble/ciphers/chacha.js';
import { loadRandomTestRuntime, type RandomTestRuntime } from './__fixtures__/random-test-runtime.js';

const hex = (s: string): Uint8Array => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!, (b) => parseInt(b, 16));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A deterministic byte pattern (xorshift32), independent of the code under test. */
function pattern(length: number, seed: number): Uint8Array {
  let x = seed >>> 0 || 1;
  return Uint8Array.from({ length }, () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x & 0xff;
  });
}

describe('chacha20Keystream (RFC 8439)', () => {
  let rt: RandomTestRuntime;
  let keyPtr: number;
  let noncePtr: number;
  let outPtr: number;
  const maxBytes = 1 << 20;

  beforeAll(async () => {
    rt = await loadRandomTestRuntime();
    keyPtr = rt.alloc(32);
    noncePtr = rt.alloc(12);
    outPtr = rt.alloc(maxBytes);
  });

  function keystream(key: Uint8Array, nonce: Uint8Array, counter: number, nBytes: number): Uint8Array {
    rt.bytes(keyPtr, 32).set(key);
    rt.bytes(noncePtr, 12).set(nonce);
    rt.kernels.chacha20Keystream(keyPtr, noncePtr, counter, outPtr, nBytes);
    return rt.bytes(outPtr, nBytes).slice();
  }

  const rfcKey = Uint8Array.from({ length: 32 }, (_, i) => i);

  it('matches the block function test vector of section 2.3.2', () => {
    const block = keystream(rfcKey, hex('000000090000004a00000000'), 1, 64);
    expect(toHex(block)).toBe(
      '10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e' +
        'd2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e',
    );
  });

  it('encrypts the sunscreen plaintext of section 2.4.2 to the published ciphertext', () => {
    const plaintext = new TextEncoder().encode(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const stream = keystream(rfcKey, hex('000000000000004a00000000'), 1, plaintext.length);
    const ciphertext = plaintext.map((byte, i) => byte ^ stream[i]!);
    expect(toHex(ciphertext)).toBe(
      '6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b' +
        'f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8' +
        '07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736' +
        '5af90bbf74a35be6b40b8eedf2785e42874d',
    );
  });

  it('matches the all-zero key and nonce vector of appendix A.1', () => {
    expect(toHex(keystream(new Uint8Array(32), new Uint8Array(12), 0, 64))).toBe(
      '76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7' +
        'da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586',
    );
  });

  it('equals @noble/ciphers for every length around the 64- and 256-byte boundaries', () => {
    const key = pattern(32, 7);
    const nonce = pattern(12, 8);
    for (let n = 0; n <= 600; n++) {
      expect(toHex(keystream(key, nonce, 3, n))).toBe(toHex(chacha20(key, nonce, new Uint8Array(n), undefined, 3)));
    }
  });

  it('equals @noble/ciphers on a 1 MiB keystream for several keys, nonces and counters', () => {
    for (const [seed, counter] of [
      [1, 0],
      [2, 1],
      [3, 123_456],
    ] as const) {
      const key = pattern(32, seed);
      const nonce = pattern(12, seed + 100);
      const ours = keystream(key, nonce, counter, maxBytes - 5);
      const theirs = chacha20(key, nonce, new Uint8Array(maxBytes - 5), undefined, counter);
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    }
  });
});
