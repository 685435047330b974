import { DisposedError } from './errors.js';
import type { TfheExports } from './wasm-module.js';

/**
 * Base of every object that owns WASM memory: it frees its regions on dispose() and refuses
 * any use afterwards. JavaScript has no destructors: call dispose() when done.
 */
export abstract class WasmObject {
  #regions: number[] = [];
  #disposed = false;

  protected constructor(protected readonly tfhe: TfheExports) {}

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Allocates a region owned (and freed) by this object. */
  protected own(bytes: number, zeroed = false): number {
    const ptr = zeroed ? this.tfhe.allocator.allocZeroed(bytes) : this.tfhe.allocator.alloc(bytes);
    this.#regions.push(ptr);
    return ptr;
  }

  protected assertLive(): void {
    if (this.#disposed) throw new DisposedError(`${this.constructor.name} used after dispose()`);
  }

  /** Frees the WASM memory; the object is unusable afterwards. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.beforeDispose();
    for (const ptr of this.#regions) this.tfhe.allocator.release(ptr);
    this.#regions = [];
  }

  /** Hook to wipe secrets before the memory goes back to the allocator. */
  protected beforeDispose(): void {}
}
