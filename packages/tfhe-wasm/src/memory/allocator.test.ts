import { describe, expect, it } from '@jest/globals';
import { AllocatorError, WasmAllocator } from './allocator.js';

function freshAllocator(): { allocator: WasmAllocator; memory: WebAssembly.Memory } {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1024 });
  return { allocator: new WasmAllocator(memory, 1000), memory };
}

describe('WasmAllocator', () => {
  it('hands out 64-byte-aligned regions above the heap base that do not overlap', () => {
    const { allocator } = freshAllocator();
    const regions = [1, 100, 64, 7, 1000].map((bytes) => ({ offset: allocator.alloc(bytes), bytes }));
    for (const r of regions) {
      expect(r.offset % 64).toBe(0);
      expect(r.offset).toBeGreaterThanOrEqual(1000);
    }
    const sorted = [...regions].sort((a, b) => a.offset - b.offset);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]!.offset).toBeGreaterThanOrEqual(sorted[i - 1]!.offset + sorted[i - 1]!.bytes);
    }
  });

  it('grows the memory when a region does not fit', () => {
    const { allocator, memory } = freshAllocator();
    const offset = allocator.alloc(200_000);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(offset + 200_000);
  });

  it('reuses freed space and returns to zero used bytes', () => {
    const { allocator } = freshAllocator();
    const a = allocator.alloc(128);
    const b = allocator.alloc(256);
    allocator.release(a);
    expect(allocator.alloc(64)).toBe(a);
    allocator.release(b);
    allocator.release(a);
    expect(allocator.usedBytes).toBe(0);
    // After everything is freed and merged, the next region starts at the base again.
    expect(allocator.alloc(10)).toBe(a);
  });

  it('merges neighbours so a large region fits where small ones were', () => {
    const { allocator } = freshAllocator();
    const blocks = [0, 1, 2, 3].map(() => allocator.alloc(64));
    const guard = allocator.alloc(64);
    for (const b of [blocks[1]!, blocks[3]!, blocks[0]!, blocks[2]!]) allocator.release(b);
    expect(allocator.alloc(256)).toBe(blocks[0]);
    expect(guard).toBeGreaterThan(blocks[3]!);
  });

  it('zero-fills on request', () => {
    const { allocator, memory } = freshAllocator();
    const a = allocator.alloc(64);
    new Uint8Array(memory.buffer, a, 64).fill(7);
    allocator.release(a);
    const b = allocator.allocZeroed(64);
    expect([...new Uint8Array(memory.buffer, b, 64)].every((x) => x === 0)).toBe(true);
  });

  it('rejects double free, negative sizes and exhausting the memory with typed errors', () => {
    const { allocator } = freshAllocator();
    const a = allocator.alloc(64);
    allocator.release(a);
    expect(() => allocator.release(a)).toThrow(AllocatorError);
    expect(() => allocator.alloc(-1)).toThrow(AllocatorError);
    expect(() => allocator.alloc(2 ** 40)).toThrow(/out of WASM memory/);
    expect(() => allocator.alloc(1024 * 65536)).toThrow(AllocatorError);
  });
});
