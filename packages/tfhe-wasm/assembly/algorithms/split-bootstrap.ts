import { fftForwardInPlace } from '../fft/complex-fft';
import { fftBackwardAddTorus, fourierMulAddColumns, fourierMulAddLevelOneColumn, fourierMulColumns } from '../fft/negacyclic-fft';
import { ggswFourierBytes, ggswFourierPolynomialStride, keyswitchKeyRowWords } from '../entities/sizes';
import { cmuxNextDigitsTwisted, rotationDifferenceDigitsTwisted } from './cmux-digits';
import { keyswitchAccumulate } from './keyswitch';
import { modulusSwitchCentered } from './modulus-switch';
import { prepareAccumulatorRows } from './programmable-bootstrap';
import { glweSampleExtract } from './sample-extract';

/**
 * One table lookup (KS + PBS) computed by two threads on the shared memory, for latency.
 *
 * A CMUX's external product on acc = (C_0 .. C_k) is
 *   phase 1: D_(r,j) = FFT(digit j of X^a C_r - C_r)            for every row r, level j
 *   phase 2: C_c += IFFT(sum_(r,j) D_(r,j) * GGSW[j][r][c])      for every column c
 * Thread t takes the rows and the columns r, c = t mod 2. Phase 2 needs every D_(r,j), so the
 * threads meet at a barrier between the phases; phase 1 of the next CMUX reads only C_r for the
 * thread's own rows, which its own phase 2 wrote (r = c), so no barrier is needed there. The
 * digit transforms are double-buffered by CMUX parity: a thread can only be one phase ahead,
 * so it never overwrites transforms its partner is still reading. One barrier per CMUX.
 * The keyswitch splits the input coefficients in two halves (each thread streams one half of
 * the key into its own partial sum), meets at a barrier, and each thread then adds the two
 * partial sums, modulus-switches the result and sets up its own rows of the accumulator. After
 * the last CMUX and a last barrier, thread 0 extracts the output.
 * The arithmetic is keyswitchThenBootstrap's: outputs are bit-identical.
 *
 * Needs the threads build (atomics); both parts must run at the same time, on two workers,
 * with the barrier word (the first i32 of `scratch`) zeroed before either starts.
 */

/**
 * Spins on the barrier this many times before sleeping on it. A phase takes 5-40 us, and waking
 * a sleeping thread costs tens of microseconds: measured at 4 bits, 2^10 or 2^12 spins made the
 * split lookup 1.5x slower than one thread (a sleep at most barriers); 2^16 and 2^19 did not.
 */
const SPINS_BEFORE_WAIT: i32 = 1 << 16;

/**
 * Sleeps of 1 ms after which a barrier gives up (traps, which the pool reports as a worker
 * error): a partner that has not arrived after 30 s has failed, and a hang would be worse.
 */
const MAX_WAITS: i32 = 30000;

function line(bytes: usize): usize {
  return (bytes + 63) & ~63;
}

// Scratch layout (no allocation in kernels: offsets from the parameters alone):
//   shared: [barrier word's cache line][2 partial keyswitch outputs, u32][accumulator GLWE][2 digit buffers]
//   then per part: [small ciphertext, u64][switched mask, u32][decomposition states][Fourier accumulator]

/** Offset of part 0's partial keyswitch output (u32 words), after the barrier word's cache line; part 1's follows. */
const PARTIAL_AT: usize = 64;

function partialBytes(lweDimension: i32): usize {
  return line(<usize>keyswitchKeyRowWords(lweDimension) << 2);
}

function accumulatorAt(lweDimension: i32): usize {
  return PARTIAL_AT + 2 * partialBytes(lweDimension);
}

function digitBufferBytes(glweDimension: i32, polynomialSize: i32, pbsLevel: i32): usize {
  return <usize>(glweDimension + 1) * <usize>pbsLevel * (<usize>polynomialSize << 3);
}

function digitsAt(lweDimension: i32, glweDimension: i32, polynomialSize: i32): usize {
  return accumulatorAt(lweDimension) + (<usize>(glweDimension + 1) * <usize>polynomialSize << 3);
}

function privateAt(lweDimension: i32, glweDimension: i32, polynomialSize: i32, pbsLevel: i32): usize {
  return digitsAt(lweDimension, glweDimension, polynomialSize) + 2 * digitBufferBytes(glweDimension, polynomialSize, pbsLevel);
}

function switchedMaskAt(lweDimension: i32): usize {
  return line(<usize>(lweDimension + 1) << 3);
}

function statesAt(lweDimension: i32): usize {
  return switchedMaskAt(lweDimension) + line(<usize>lweDimension << 2);
}

function fourierAccumulatorAt(lweDimension: i32, glweDimension: i32, polynomialSize: i32): usize {
  return statesAt(lweDimension) + (<usize>(glweDimension + 1) * <usize>polynomialSize << 3);
}

function privateBytes(lweDimension: i32, glweDimension: i32, polynomialSize: i32): usize {
  return fourierAccumulatorAt(lweDimension, glweDimension, polynomialSize) + (<usize>polynomialSize << 3);
}

/** Scratch bytes of keyswitchThenBootstrapSplit (one region, shared by both parts). */
export function keyswitchBootstrapSplitScratchBytes(lweDimension: i32, glweDimension: i32, polynomialSize: i32, pbsLevel: i32): usize {
  return privateAt(lweDimension, glweDimension, polynomialSize, pbsLevel) + 2 * privateBytes(lweDimension, glweDimension, polynomialSize);
}

/**
 * Arrives at barrier number `round` (1, 2, ..) of the word at `counter` and waits until the
 * partner has arrived too: the word counts arrivals, so round r is complete at 2r. Spins first
 * (the partner is normally microseconds away), then sleeps so that a descheduled partner does
 * not cost a spinning core.
 */
function barrier(counter: usize, round: i32): void {
  if (ASC_FEATURE_THREADS) {
    const target = round << 1;
    if (atomic.add<i32>(counter, 1) + 1 >= target) {
      atomic.notify(counter, 1);
      return;
    }
    let waits = 0;
    for (let spins = 0; ; spins++) {
      const now = atomic.load<i32>(counter);
      if (now >= target) return;
      if (spins < SPINS_BEFORE_WAIT) continue;
      if (++waits > MAX_WAITS) unreachable();
      atomic.wait<i32>(counter, now, 1000000); // 1 ms, then look again
    }
  } else {
    unreachable(); // the single-thread builds have no atomics; the pool runs the threads build
  }
}

/**
 * Part `part` (0 or 1) of a split KS + PBS: out = LUT[phase(input)] as keyswitchThenBootstrap,
 * written by part 0. Both parts get the same arguments but `part`.
 */
export function keyswitchThenBootstrapSplit(
  part: i32,
  out: usize,
  input: usize,
  lut: usize,
  ksk: usize,
  bsk: usize,
  lweDimension: i32,
  glweDimension: i32,
  polynomialSize: i32,
  ksBaseLog: i32,
  ksLevel: i32,
  pbsBaseLog: i32,
  pbsLevel: i32,
  twiddles: usize,
  scratch: usize,
): void {
  const own = scratch + privateAt(lweDimension, glweDimension, polynomialSize, pbsLevel) + <usize>part * privateBytes(lweDimension, glweDimension, polynomialSize);
  const small = own;
  const switchedMask = own + switchedMaskAt(lweDimension);
  const states = own + statesAt(lweDimension);
  const fourierAcc = own + fourierAccumulatorAt(lweDimension, glweDimension, polynomialSize);
  let round = 0;

  const partial = scratch + PARTIAL_AT;
  const partialSize = partialBytes(lweDimension);
  keyswitchHalf(part, partial + <usize>part * partialSize, input, ksk, glweDimension * polynomialSize, lweDimension, ksBaseLog, ksLevel);
  barrier(scratch, ++round);
  sumWiden(small, partial, partial + partialSize, lweDimension);

  const acc = scratch + accumulatorAt(lweDimension);
  const digitsStart = scratch + digitsAt(lweDimension, glweDimension, polynomialSize);
  const bufferBytes = digitBufferBytes(glweDimension, polynomialSize, pbsLevel);
  const body = modulusSwitchCentered(switchedMask, small, lweDimension, polynomialSize);
  prepareAccumulatorRows(acc, lut, body, glweDimension, polynomialSize, part, 2);

  const ggswBytes = ggswFourierBytes(glweDimension, polynomialSize, pbsLevel);
  let cmux = 0;
  for (let i = 0; i < lweDimension; i++) {
    const power = load<i32>(switchedMask + (<usize>i << 2));
    if (power == 0) continue; // X^0: the CMUX is the identity (both parts skip it)
    const digits = digitsStart + <usize>(cmux & 1) * bufferBytes;
    splitCmuxDigits(part, digits, states, acc, power, glweDimension, polynomialSize, pbsBaseLog, pbsLevel, twiddles);
    barrier(scratch, ++round);
    splitCmuxProducts(part, acc, digits, bsk + <usize>i * ggswBytes, fourierAcc, glweDimension, polynomialSize, pbsLevel, twiddles);
    cmux++;
  }
  barrier(scratch, ++round);
  if (part == 0) glweSampleExtract(out, acc, glweDimension, polynomialSize);
}

/**
 * keyswitchLweCiphertext's accumulation over this part's half of the input coefficients (part
 * 0 the first ceil(n_in / 2), part 1 the rest and the body), into its own 32-bit partial
 * output: each part streams one contiguous half of the key. (Halving every row instead makes
 * each thread skip every other 1.6 KiB, which the hardware prefetchers fetch anyway: measured
 * 1.45x slower than one thread doing the whole keyswitch.)
 */
function keyswitchHalf(part: i32, out32: usize, input: usize, ksk: usize, inputLweDimension: i32, outputLweDimension: i32, baseLog: i32, level: i32): void {
  const middle = (inputLweDimension + 1) >> 1;
  const first = part == 0 ? 0 : middle;
  const end = part == 0 ? middle : inputLweDimension;
  keyswitchAccumulate(out32, input, ksk, first, end, inputLweDimension, outputLweDimension, baseLog, level, part == 1);
}

/** The keyswitch result, the sum of both parts' partial outputs (n + 1 u32 torus words), as u64 words (value << 32) in a private copy. */
function sumWiden(dst: usize, partial0: usize, partial1: usize, lweDimension: i32): void {
  for (let x = 0; x <= lweDimension; x++) {
    const at = <usize>x << 2;
    store<u64>(dst + (<usize>x << 3), <u64>(load<u32>(partial0 + at) + load<u32>(partial1 + at)) << 32);
  }
}

/** Phase 1 for the part's rows: every level's digit transform of X^power C_r - C_r, into digits[(j - 1)(k + 1) + r]. */
function splitCmuxDigits(part: i32, digits: usize, states: usize, acc: usize, power: i32, glweDimension: i32, polynomialSize: i32, baseLog: i32, level: i32, twiddles: usize): void {
  const nb = <usize>polynomialSize << 3;
  const k1 = glweDimension + 1;
  for (let r = part; r < k1; r += 2) {
    const rowStates = states + <usize>r * nb;
    for (let j = level; j >= 1; j--) {
      const fourier = digits + <usize>((j - 1) * k1 + r) * nb;
      if (j == level) rotationDifferenceDigitsTwisted(fourier, rowStates, acc + <usize>r * nb, polynomialSize, power, baseLog, level, twiddles);
      else cmuxNextDigitsTwisted(fourier, rowStates, polynomialSize, baseLog, level, twiddles);
      fftForwardInPlace(fourier, polynomialSize >> 1, twiddles);
    }
  }
}

/**
 * Phase 2 for the part's columns: C_c += IFFT(sum_(j,r) D_(r,j) * GGSW[j][r][c]), summed in
 * externalProductAddRotation's order (levels from l down, rows in order) so that the result
 * is bit-identical to the single-thread CMUX.
 */
function splitCmuxProducts(part: i32, acc: usize, digits: usize, ggsw: usize, fourierAcc: usize, glweDimension: i32, polynomialSize: i32, level: i32, twiddles: usize): void {
  const nb = <usize>polynomialSize << 3;
  const k1 = glweDimension + 1;
  const stride = ggswFourierPolynomialStride(polynomialSize);
  const rowBytes = <usize>k1 * stride;
  for (let c = part; c < k1; c += 2) {
    for (let j = level; j >= 1; j--) {
      const levelDigits = digits + <usize>((j - 1) * k1) * nb;
      const levelKey = ggsw + <usize>((j - 1) * k1) * rowBytes + <usize>c * stride;
      if (k1 == 2) {
        fourierMulAddLevelOneColumn(fourierAcc, levelDigits, levelDigits + nb, levelKey, levelKey + rowBytes, polynomialSize, j == level);
        continue;
      }
      for (let r = 0; r < k1; r++) {
        const digit = levelDigits + <usize>r * nb;
        const key = levelKey + <usize>r * rowBytes;
        if (j == level && r == 0) fourierMulColumns(fourierAcc, digit, key, stride, polynomialSize, 1);
        else fourierMulAddColumns(fourierAcc, digit, key, stride, polynomialSize, 1);
      }
    }
    fftBackwardAddTorus(acc + <usize>c * nb, fourierAcc, polynomialSize, twiddles);
  }
}
