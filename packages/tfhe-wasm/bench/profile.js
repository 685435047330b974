/**
 * Profile of the bootstrap's hot kernels on the raw WASM exports (single thread), per preset
 * shape: CPU time (process.cpuUsage, robust to a shared machine) of one blind rotation, one
 * keyswitch, and the pieces of one CMUX (rotation difference, forward FFT, pointwise
 * multiply-accumulate, backward FFT + conversion). Keys are filled with random data: timing
 * does not depend on their content, and it skips the key generation.
 *
 *   node bench/profile.js [precision ...] [--plain]    default: 4 6, the relaxed-SIMD build
 *                                                     (as bench/run.js); --plain the plain one
 * Prints a table; writes nothing.
 */
import { getParameterSet, initTfhe } from '../dist/index.js';

const args = process.argv.slice(2);
const precisions = args.filter((a) => a !== '--plain').map(Number);
const tfhe = await initTfhe({ relaxedSimd: !args.includes('--plain') });
console.log(`build: ${tfhe.relaxedSimd ? 'relaxed SIMD' : 'plain SIMD'}`);
const { allocator } = tfhe;

/** Median CPU milliseconds of `run` over `count` repetitions after one warm-up. */
function cpuMs(run, count) {
  run();
  const samples = [];
  for (let i = 0; i < count; i++) {
    const c = process.cpuUsage();
    run();
    const used = process.cpuUsage(c);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/** CPU microseconds per call of `run`, batched `inner` times per sample. */
function cpuUsPerCall(run, inner, count = 9) {
  return (cpuMs(() => {
    for (let i = 0; i < inner; i++) run();
  }, count) * 1000) / inner;
}

let seed = 12345;
function nextRandom() {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
}

function fillF64(ptr, count, scale) {
  const view = new Float64Array(tfhe.memory.buffer, ptr, count);
  for (let i = 0; i < count; i++) view[i] = (nextRandom() - 0.5) * scale;
}

function fillU64(ptr, count) {
  const view = new Uint32Array(tfhe.memory.buffer, ptr, count * 2);
  for (let i = 0; i < view.length; i++) view[i] = (nextRandom() * 2 ** 32) >>> 0;
}

const rows = [];
for (const precision of precisions.length ? precisions : [4, 6]) {
  const p = getParameterSet({ precision });
  const { lweDimension: n, glweDimension: k, polynomialSize: N, pbsBaseLog, pbsLevel, ksBaseLog, ksLevel } = p;
  const k1 = k + 1;
  const tw = allocator.alloc(tfhe.fftTwiddlesBytes(N));
  tfhe.fftInitTwiddles(tw, N);
  const ggswBytes = tfhe.ggswFourierBytes(k, N, pbsLevel);
  const bsk = allocator.alloc(ggswBytes * n);
  fillF64(bsk, (ggswBytes * n) / 8, 2 ** 20);
  const kskBytes = tfhe.keyswitchKeyBytes(k * N, n, ksLevel);
  const ksk = allocator.alloc(kskBytes);
  fillU64(ksk, kskBytes / 8);
  const acc = allocator.alloc(k1 * N * 8);
  fillU64(acc, k1 * N);
  const accCopy = allocator.alloc(k1 * N * 8);
  new Uint8Array(tfhe.memory.buffer).copyWithin(accCopy, acc, acc + k1 * N * 8);
  const mask = allocator.alloc(n * 4);
  const maskView = new Int32Array(tfhe.memory.buffer, mask, n);
  for (let i = 0; i < n; i++) maskView[i] = 1 + Math.floor(nextRandom() * (2 * N - 1));
  const scratch = allocator.alloc(tfhe.blindRotateScratchBytes(k, N));
  const bigCt = allocator.alloc((k * N + 1) * 8);
  fillU64(bigCt, k * N + 1);
  const smallCt = allocator.alloc(tfhe.keyswitchBootstrapScratchBytes(n, k, N));
  const poly = allocator.alloc(N * 8);
  const fourier = allocator.alloc(N * 8);
  const accumulators = allocator.alloc(k1 * N * 8);
  fillU64(poly, N);
  fillF64(fourier, N, 1);
  fillF64(accumulators, k1 * N, 1);

  const restore = () => new Uint8Array(tfhe.memory.buffer).copyWithin(acc, accCopy, accCopy + k1 * N * 8);
  const rotate = (kernel) => () => {
    restore();
    kernel(acc, mask, bsk, n, k, N, pbsBaseLog, pbsLevel, tw, scratch);
  };
  const blindRotateMs = cpuMs(rotate(tfhe.blindRotate), 7);
  const keyswitchMs = cpuMs(() => tfhe.keyswitchLweCiphertext(smallCt, bigCt, ksk, k * N, n, ksBaseLog, ksLevel), 15);
  const inner = Math.max(20, Math.round(400_000 / N));
  const forwardUs = cpuUsPerCall(() => tfhe.fftForwardInPlace(fourier, N / 2, tw), inner);
  const backwardInPlaceUs = cpuUsPerCall(() => tfhe.fftBackwardInPlace(fourier, N / 2, tw), inner);
  const backwardUs = cpuUsPerCall(() => tfhe.fftBackwardAddU64(poly, fourier, N, tw, 0), inner);
  const backwardTorusUs = cpuUsPerCall(() => tfhe.fftBackwardAddTorus(poly, fourier, N, tw), inner);
  const mulAddUs =
    k1 === 2
      ? cpuUsPerCall(() => tfhe.fourierMulAddLevelTwoColumns(accumulators, fourier, fourier, bsk, tfhe.ggswFourierPolynomialStride(N), N, 0), inner)
      : cpuUsPerCall(() => tfhe.fourierMulAddColumns(accumulators, fourier, bsk, tfhe.ggswFourierPolynomialStride(N), N, k1), inner);
  const digitsUs = cpuUsPerCall(() => tfhe.decompositionNextDigitsTwisted(fourier, poly, N, pbsBaseLog, tw), inner);
  const rotationUs = cpuUsPerCall(
    () => tfhe.rotationDifferenceDigitsTwisted(fourier, accumulators, acc, N, 777, pbsBaseLog, pbsLevel, tw),
    inner,
  );
  // One CMUX (external-product.ts): per level, k1 digit transforms (the first level's fused with
  // the rotation difference) and their forward FFTs, then the products with the level's rows
  // (one sweep when k1 = 2, else one per row); k1 backward FFTs.
  const mulAddCalls = k1 === 2 ? pbsLevel : pbsLevel * k1;
  const cmuxUs = (blindRotateMs * 1000) / n;
  const pieces = k1 * rotationUs + (pbsLevel - 1) * k1 * digitsUs + pbsLevel * k1 * forwardUs + mulAddCalls * mulAddUs + k1 * backwardTorusUs;
  rows.push({
    bits: precision,
    'n,k,N,l': `${n},${k},${N},${pbsLevel}`,
    'blind rotate ms': round(blindRotateMs),
    'KS ms': round(keyswitchMs),
    'CMUX us': round(cmuxUs),
    'fwd FFT us': round(forwardUs),
    'bwd FFT us': round(backwardInPlaceUs),
    'bwd FFT+exact conv us': round(backwardUs),
    'bwd FFT+torus us': round(backwardTorusUs),
    'mul-add us': round(mulAddUs),
    'digits us': round(digitsUs),
    'rotation+digits us': round(rotationUs),
    'sum of pieces us': round(pieces),
  });
  console.log(rows.at(-1));
  for (const ptr of [tw, bsk, ksk, acc, accCopy, mask, scratch, bigCt, smallCt, poly, fourier, accumulators]) allocator.release(ptr);
}
console.table(rows);

function round(x, digits = 2) {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}
