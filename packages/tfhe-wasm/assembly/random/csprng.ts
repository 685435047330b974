/**
 * A cryptographically secure generator: the ChaCha20 keystream of (key = 32-byte seed,
 * stream), read as little-endian u64 words.
 *
 * Block layout: words 12-13 hold a 64-bit block counter (starting at 0) and words 14-15 the
 * 64-bit stream number, i.e. the original ChaCha20 of Bernstein. For the first 2^32 blocks
 * (256 GiB) this is exactly RFC 8439 ChaCha20 with nonce = 0x00000000 || stream (little
 * endian). One seed gives 2^64 independent streams (e.g. one per key or ciphertext kind).
 *
 * All state lives in caller memory (CSPRNG_STATE_BYTES, 16-byte aligned), laid out as
 *     [0, 32)    key (seed)                      [32, 40)  block counter (u64)
 *     [40, 48)   stream (u64)                    [48, 52)  bytes consumed in the buffer
 *     [52, 64)   reserved (zero)                 [64, 320) keystream buffer: 4 blocks
 * The counter advances by 4 per refill and always stays a multiple of 4, so the 4-block
 * kernel's 32-bit lane increments never carry into word 13.
 */
import { chacha20Blocks4 } from './chacha20';
import { ZIGGURAT_F, ZIGGURAT_R, ZIGGURAT_X } from './tables/ziggurat-tables';

export const CSPRNG_STATE_BYTES: usize = 320;

const KEY: usize = 0;
const COUNTER: usize = 32;
const CONSUMED: usize = 48;
const RESERVED: usize = 52;
const BUFFER: usize = 64;
const BUFFER_BYTES: u32 = 256;

/** Keys the generator with the 32 bytes at `seed`, selects `stream`, rewinds to block 0. */
export function csprngInit(state: usize, seed: usize, stream: u64): void {
  v128.store(state + KEY, v128.load(seed));
  v128.store(state + KEY + 16, v128.load(seed + 16));
  store<u64>(state + COUNTER, 0);
  store<u64>(state + COUNTER + 8, stream);
  store<u32>(state + CONSUMED, BUFFER_BYTES);
  store<u32>(state + RESERVED, 0);
  store<u64>(state + RESERVED + 4, 0);
}

/** Writes the next 4 blocks (256 bytes) of the keystream to `out` and advances the counter. */
function nextBlocks4(state: usize, out: usize): void {
  chacha20Blocks4(state + KEY, state + COUNTER, out);
  store<u64>(state + COUNTER, load<u64>(state + COUNTER) + 4);
}

/** The next 64 bits of the keystream (little endian). */
export function csprngNextU64(state: usize): u64 {
  let consumed = load<u32>(state + CONSUMED);
  if (consumed >= BUFFER_BYTES) {
    nextBlocks4(state, state + BUFFER);
    consumed = 0;
  }
  store<u32>(state + CONSUMED, consumed + 8);
  return load<u64>(state + BUFFER + <usize>consumed);
}

/**
 * Fills dst[0..count) with uniform u64 (torus masks). Same words as `count` calls of
 * csprngNextU64; whole 256-byte chunks are generated straight into `dst`.
 */
export function csprngFillU64(state: usize, dst: usize, count: i32): void {
  let i: i32 = 0;
  let consumed = load<u32>(state + CONSUMED);
  while (i < count && consumed < BUFFER_BYTES) {
    store<u64>(dst + (<usize>i << 3), load<u64>(state + BUFFER + <usize>consumed));
    consumed += 8;
    i++;
  }
  store<u32>(state + CONSUMED, consumed);
  for (; i + 32 <= count; i += 32) nextBlocks4(state, dst + (<usize>i << 3));
  for (; i < count; i++) store<u64>(dst + (<usize>i << 3), csprngNextU64(state));
}

/** Fills dst[0..count) with independent uniform bits (0 or 1): 64 bits per keystream word. */
export function csprngFillBinaryU64(state: usize, dst: usize, count: i32): void {
  let word: u64 = 0;
  for (let i: i32 = 0; i < count; i++) {
    const bit = i & 63;
    if (bit == 0) word = csprngNextU64(state);
    store<u64>(dst + (<usize>i << 3), (word >> <u64>bit) & 1);
  }
}

/** A uniform f64 in [-1, 1) with 53 significant bits from bits 10..63 of `bits`. */
// Bits 0..7 pick the ziggurat layer; the two uses never share a bit.
function signedUniform53(bits: u64): f64 {
  return <f64>(<i64>bits >> 10) * 1.1102230246251565e-16; // 2^-53
}

/** A uniform f64 in (0, 1] with 53 significant bits (never 0, so its log is finite). */
function openUniform53(state: usize): f64 {
  return <f64>((csprngNextU64(state) >> 11) + 1) * 1.1102230246251565e-16;
}

/**
 * A standard normal N(0, 1) by the ziggurat method (Marsaglia & Tsang, 2000), 256 layers.
 * The area under f(x) = exp(-x^2/2), x >= 0, is cut into 256 horizontal layers of equal area
 * (tables/ziggurat-tables.ts, computed at 60 digits): layer i spans [0, x[i]) and, in
 * height, [f(x[i]), f(x[i+1])]. One keystream word picks a layer (8 bits) and a signed
 * uniform u (53 bits); x = u * x[i] is returned at once when |x| < x[i+1] (about 99% of
 * draws). Otherwise: in layer 0 (the base rectangle, which stands in for the tail beyond
 * R = x[1]) the tail is sampled exactly by Marsaglia's method, x = R + e1/R with e1, e2
 * exponential, kept when 2 e2 >= (e1/R)^2; in the other layers x is kept when a uniform
 * height in the layer falls under f(x). Every path is exact, so the output is N(0, 1) to
 * f64 precision: the resolution is x[i] * 2^-53 and the tail reaches R + 36.7/R = 13.7.
 */
function standardNormal(state: usize): f64 {
  while (true) {
    const bits = csprngNextU64(state);
    const layer = <usize>(bits & 0xff);
    const x = signedUniform53(bits) * load<f64>(ZIGGURAT_X + (layer << 3));
    if (Math.abs(x) < load<f64>(ZIGGURAT_X + ((layer + 1) << 3))) return x;
    if (layer == 0) return x < 0 ? -normalTail(state) : normalTail(state);
    const fLow = load<f64>(ZIGGURAT_F + (layer << 3));
    const fHigh = load<f64>(ZIGGURAT_F + ((layer + 1) << 3));
    if (fLow + (fHigh - fLow) * openUniform53(state) < Math.exp(-0.5 * x * x)) return x;
  }
}

/** |Z| conditioned on |Z| > R (Marsaglia's tail method). */
function normalTail(state: usize): f64 {
  let x: f64, y: f64;
  do {
    x = -Math.log(openUniform53(state)) / ZIGGURAT_R;
    y = -Math.log(openUniform53(state));
  } while (y + y < x * x);
  return ZIGGURAT_R + x;
}

/**
 * A real torus value t (in units of the torus, i.e. of 2^64) to the nearest integer mod 2^64.
 * t is first reduced to [-1/2, 1/2] (exact for |t| < 1/2, so no precision is lost for the
 * small sigmas of real parameter sets), then scaled by 2^64 and rounded to nearest (ties
 * to even).
 */
function torusFromReal(t: f64): i64 {
  const reduced = t - Math.floor(t + 0.5);
  return <i64>nearest<f64>(reduced * 18446744073709551616.0);
}

/**
 * A discretized Gaussian on the 2^64 torus: round(z * stdDevTorus * 2^64) for a standard
 * normal z, so its std dev is stdDevTorus * 2^64 integer units (stdDevTorus torus-normalized,
 * as in the parameter sets). Rounding adds variance 1/12, negligible for every real set.
 */
export function csprngGaussianI64(state: usize, stdDevTorus: f64): i64 {
  return torusFromReal(standardNormal(state) * stdDevTorus);
}

/** dst[i] += Gaussian noise (std dev stdDevTorus * 2^64), wrapping mod 2^64. */
export function csprngAddGaussianU64(state: usize, dst: usize, count: i32, stdDevTorus: f64): void {
  for (let i: i32 = 0; i < count; i++) {
    const at = dst + (<usize>i << 3);
    store<u64>(at, load<u64>(at) + <u64>csprngGaussianI64(state, stdDevTorus));
  }
}

/**
 * dst[i] += TUniform(boundLog2) noise, wrapping mod 2^64: the integer distribution on
 * [-2^b, 2^b] (b = boundLog2) with probability 2^-(b+1) for each inner value and 2^-(b+2)
 * for each end point, variance (2^(2b+1) + 1) / 6. It is drawn exactly from b+2 random bits
 * r as (r >> 1) + (r & 1) - 2^b, the construction tfhe-rs uses for its TUniform sets.
 * boundLog2 ranges over 0..61.
 */
export function csprngAddTUniformU64(state: usize, dst: usize, count: i32, boundLog2: i32): void {
  const bits = <u64>(boundLog2 + 2);
  const mask: u64 = (<u64>1 << bits) - 1;
  const offset: u64 = <u64>1 << <u64>boundLog2;
  for (let i: i32 = 0; i < count; i++) {
    const r = csprngNextU64(state) & mask;
    const at = dst + (<usize>i << 3);
    store<u64>(at, load<u64>(at) + (r >> 1) + (r & 1) - offset);
  }
}
