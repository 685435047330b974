/**
 * Loads and instantiates the AssemblyScript core (build/tfhe.wasm) in Node or a browser, on a
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
}

export interface InitOptions {
  /**
   * Load the threads build (build/tfhe-mt.wasm) on a shared WebAssembly.Memory, so a worker
   * pool can run kernels on the same keys. Needs SharedArrayBuffer (browsers: cross-origin
   * isolation). Must be chosen by the first initTfhe call.
   */
  readonly threads?: boolean;
}

const MAX_PAGES = 65536;

let instance: Promise<TfheExports> | undefined;
let ready: TfheExports | undefined;
let loadedWithThreads = false;

async function loadWasmBytes(threads: boolean): Promise<BufferSource> {
  // Two literal `new URL(..., import.meta.url)` expressions: bundlers (Vite, webpack) only
  // recognize that exact form and then copy the .wasm next to the bundle.
  const url = threads ? new URL('../build/tfhe-mt.wasm', import.meta.url) : new URL('../build/tfhe.wasm', import.meta.url);
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
  if (instance && threads && !loadedWithThreads) {
    return Promise.reject(new TfheInitError('initTfhe({ threads: true }) after a single-threaded initTfhe(): the memory is not shared'));
  }
  loadedWithThreads ||= threads;
  instance ??= (async () => {
    const module = await WebAssembly.compile(await loadWasmBytes(threads));
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
    ready = { ...kernels, memory, allocator, module, threads };
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
