/**
 * Test helper: the loaded WASM core seen through its CSPRNG kernels, and scratch regions in
 * its memory (from the core's allocator when present, else by growing the memory).
 */
import { initTfhe } from '../../wasm-module.js';
import type { CsprngKernels } from '../csprng-kernels.js';

export interface RandomTestRuntime {
  readonly kernels: CsprngKernels;
  /** A fresh 64-byte-aligned region of `bytes` bytes. */
  alloc(bytes: number): number;
  /** A view of `count` u64 at `ptr` (re-create after any allocation: growth detaches views). */
  u64View(ptr: number, count: number): BigUint64Array;
  bytes(ptr: number, count: number): Uint8Array;
  /** `count` i64 at `ptr` as numbers (exact below 2^53), without going through bigint. */
  i64AsNumbers(ptr: number, count: number): Float64Array;
}

interface MaybeAllocator {
  readonly allocator?: { alloc(bytes: number): number };
}

export async function loadRandomTestRuntime(): Promise<RandomTestRuntime> {
  const core = await initTfhe();
  const kernels = core as unknown as CsprngKernels;
  const { allocator } = core as unknown as MaybeAllocator;
  const alloc = (bytes: number): number => {
    if (allocator) return allocator.alloc(bytes);
    const pages = Math.ceil((bytes + 64) / 65536);
    const start = kernels.memory.grow(pages) * 65536;
    return start;
  };
  return {
    kernels,
    alloc,
    u64View: (ptr, count) => new BigUint64Array(kernels.memory.buffer, ptr, count),
    bytes: (ptr, count) => new Uint8Array(kernels.memory.buffer, ptr, count),
    i64AsNumbers: (ptr, count) => {
      const halves = new Int32Array(kernels.memory.buffer, ptr, 2 * count);
      const numbers = new Float64Array(count);
      for (let i = 0; i < count; i++) numbers[i] = halves[2 * i + 1]! * 2 ** 32 + (halves[2 * i]! >>> 0);
      return numbers;
    },
  };
}
