import { floor, imul } from './math.js';

/**
 * Seeded pseudo-random numbers for shuffling, bootstrapping and feature sampling.
 * mulberry32 (Tommy Ettinger): a 32-bit state advanced by the odd constant 0x6D2B79F5, then
 * mixed by two xorshift-multiply rounds. Fast, good enough statistically for ML sampling,
 * NOT cryptographic — key material must never come from here.
 */
export class Rng {
  private state: number;

  /** `seed` undefined draws one from Math.random (non-reproducible runs, as sklearn's `randomState: None`). */
  constructor(seed?: number) {
    this.state = (seed ?? floor(Math.random() * 2 ** 32)) >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  nextInt(n: number): number {
    return floor(this.nextFloat() * n);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): number[] {
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** A seed for a child generator (one per tree, per fold...). */
  childSeed(): number {
    return this.nextUint32();
  }
}
