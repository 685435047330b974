/**
 * Loads and instantiates the AssemblyScript core (build/tfhe*.wasm) in Node or a browser, on a
 * WebAssembly.Memory created here (the module imports its memory, so the same memory can later
 * be shared with workers). The path is resolved relative to this module so it works from src/
 * (tests) and dist/. Node's fs is imported lazily so browser bundles never see it.
 */
import { WasmAllocator } from './memory/allocator.js';
import type { WasmKernels } from './wasm-kernels.js';

export type { WasmKernels } from './wasm-kernels.js';

/** The instantiated core: its kernels, its memory and the allocator of that memory. */
export interface TfheExports extends WasmKernels {
  readonly memory: WebAssembly.Memory;
  readonly allocator: WasmAllocator;
  /** The compiled module, for workers to instantiate on the same (shared) memory. */
  readonly module: WebAssembly.Module;
  /** True for the threads build on a shared memory (needed by the worker pool). */
  readonly threads: boolean;
  /** True for the relaxed-SIMD build (fused multiply-add in the FFT and products). */
  readonly relaxedSimd: boolean;
}

export interface InitOptions {
  /**
   * Load the threads build (build/tfhe-mt.wasm) on a shared WebAssembly.Memory, so a worker
   * pool can run kernels on the same keys. Needs SharedArrayBuffer (browsers: cross-origin
   * isolation). Must be chosen by the first initTfhe call.
   */
  readonly threads?: boolean;
  /**
   * The relaxed-SIMD build fuses the FFT's multiply-adds (KS+PBS about 1.1x faster at 4 bits).
   * 'auto' (default): used where the engine has relaxed SIMD (Chrome 114+, Node 22+).
   * true: required; on Node 20, where relaxed SIMD is behind V8's
   * --experimental-wasm-relaxed-simd flag, that flag is turned on for this process.
   * false: the plain SIMD build. Must be chosen by the first initTfhe call.
   */
  readonly relaxedSimd?: boolean | 'auto';
}

const MAX_PAGES = 65536;

let instance: Promise<TfheExports> | undefined;
let ready: TfheExports | undefined;
let loadedWithThreads = false;
let loadedRelaxed: boolean | undefined;

/** A module of one function using f64x2.relaxed_madd: it validates iff the engine has relaxed SIMD. */
const RELAXED_SIMD_PROBE = (() => {
  const zero = new Array<number>(16).fill(0);
  const body = [0x00, ...[0, 1, 2].flatMap(() => [0xfd, 0x0c, ...zero]), 0xfd, 0x87, 0x02, 0x1a, 0x0b];
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00];
  return new Uint8Array([...header, 0x0a, body.length + 2, 0x01, body.length, ...body]);
})();

/** Whether this engine runs relaxed SIMD; with `enable`, turns on Node 20's V8 flag first if needed. */
async function relaxedSimdAvailable(enable: boolean): Promise<boolean> {
  if (WebAssembly.validate(RELAXED_SIMD_PROBE)) return true;
  if (!enable || typeof process === 'undefined' || !process.versions?.node) return false;
  const v8 = await import('node:v8');
  v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  return WebAssembly.validate(RELAXED_SIMD_PROBE);
}

function wasmUrl(threads: boolean, relaxed: boolean): URL {
  // Literal `new URL(..., import.meta.url)` expressions: bundlers (Vite, webpack) only
  // recognize that exact form and then copy the .wasm next to the bundle.
  if (relaxed) return threads ? new URL('../build/tfhe-mt-relaxed.wasm', import.meta.url) : new URL('../build/tfhe-relaxed.wasm', import.meta.url);
  return threads ? new URL('../build/tfhe-mt.wasm', import.meta.url) : new URL('../build/tfhe.wasm', import.meta.url);
}

async function loadWasmBytes(threads: boolean, relaxed: boolean): Promise<BufferSource> {
  const url = wasmUrl(threads, relaxed);
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url.href}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Compiles and instantiates the WASM core once; later calls share the instance. */
export function initTfhe(options: InitOptions = {}): Promise<TfheExports> {
  const threads = options.threads ?? false;
  const relaxedSimd = options.relaxedSimd ?? 'auto';
  if (instance && threads && !loadedWithThreads) {
    return Promise.reject(new TfheInitError('initTfhe({ threads: true }) after a single-threaded initTfhe(): the memory is not shared'));
  }
  if (instance && loadedRelaxed !== undefined && relaxedSimd !== 'auto' && relaxedSimd !== loadedRelaxed) {
    return Promise.reject(new TfheInitError(`initTfhe({ relaxedSimd: ${relaxedSimd} }) after the ${loadedRelaxed ? 'relaxed' : 'plain'} SIMD build was loaded`));
  }
  loadedWithThreads ||= threads;
  instance ??= (async () => {
    const relaxed = relaxedSimd !== false && (await relaxedSimdAvailable(relaxedSimd === true));
    if (relaxedSimd === true && !relaxed) throw new TfheInitError('initTfhe({ relaxedSimd: true }): this engine has no relaxed SIMD');
    loadedRelaxed = relaxed;
    const module = await WebAssembly.compile(await loadWasmBytes(threads, relaxed));
    const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: threads });
    const wasm = await WebAssembly.instantiate(module, {
      env: {
        memory,
        abort(_message: number, _file: number, line: number, column: number): never {
          throw new Error(`tfhe-wasm aborted at ${line}:${column}`);
        },
      },
    });
    const kernels = wasm.exports as unknown as WasmKernels;
    const allocator = new WasmAllocator(memory, kernels.heapBase());
    ready = { ...kernels, memory, allocator, module, threads, relaxedSimd: relaxed };
    return ready;
  })();
  return instance;
}

/** initTfhe options that contradict the instance already loaded. */
export class TfheInitError extends Error {
  override readonly name = 'TfheInitError';
}

/** Thrown when a synchronous API is used before `await initTfhe()`. */
export class TfheNotInitializedError extends Error {
  override readonly name = 'TfheNotInitializedError';
  constructor() {
    super('the WASM core is not loaded: await initTfhe() first');
  }
}

/** The loaded core, for synchronous APIs; throws if initTfhe() has not resolved yet. */
export function tfheRuntime(): TfheExports {
  if (!ready) throw new TfheNotInitializedError();
  return ready;
}
