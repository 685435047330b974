/**
 * Loads and instantiates the AssemblyScript core (build/tfhe.wasm) in Node or a browser.
 * The path is resolved relative to this module so it works from src/ (tests) and dist/.
 * Node's fs is imported lazily so browser bundles never see it.
 */
export interface TfheExports {
  readonly memory: WebAssembly.Memory;
  torusAdd(a: bigint, b: bigint): bigint;
  torusSumSimd(ptr: number, count: number): bigint;
}

let instance: Promise<TfheExports> | undefined;

async function loadWasmBytes(): Promise<BufferSource> {
  const url = new URL('../build/tfhe.wasm', import.meta.url);
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url.href}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Compiles and instantiates the WASM core once; later calls share the instance. */
export function initTfhe(): Promise<TfheExports> {
  instance ??= (async () => {
    const module = await WebAssembly.compile(await loadWasmBytes());
    const wasm = await WebAssembly.instantiate(module, {
      env: {
        abort(_message: number, _file: number, line: number, column: number): never {
          throw new Error(`tfhe-wasm aborted at ${line}:${column}`);
        },
      },
    });
    return wasm.exports as unknown as TfheExports;
  })();
  return instance;
}
