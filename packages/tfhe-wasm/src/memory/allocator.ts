/**
 * The JS-side allocator of the WASM heap. Kernels never allocate: every region they touch is
 * handed out here, 64-byte aligned (cache lines, and v128 loads), and returned with free().
 * A first-fit free list with coalescing; memory grows (WebAssembly.Memory.grow) when no free
 * block fits. Growing detaches typed-array views, so callers re-create views after allocating.
 */
export class AllocatorError extends Error {
  override readonly name = 'AllocatorError';
}

const ALIGNMENT = 64;
const PAGE_BYTES = 65536;
/** wasm32 addresses top out at 4 GiB. */
const MAX_BYTES = 65536 * PAGE_BYTES;

interface FreeBlock {
  offset: number;
  size: number;
}

function alignUp(value: number): number {
  return Math.ceil(value / ALIGNMENT) * ALIGNMENT;
}

export class WasmAllocator {
  private readonly free: FreeBlock[] = [];
  private readonly sizes = new Map<number, number>();
  private top: number;
  private used = 0;

  constructor(
    private readonly memory: WebAssembly.Memory,
    heapBase: number,
  ) {
    this.top = alignUp(heapBase);
  }

  /** Bytes currently handed out (aligned sizes). */
  get usedBytes(): number {
    return this.used;
  }

  /** Returns the offset of a fresh 64-byte-aligned region of at least `bytes` bytes. */
  alloc(bytes: number): number {
    if (!Number.isSafeInteger(bytes) || bytes < 0) {
      throw new AllocatorError(`cannot allocate ${bytes} bytes: not a non-negative integer`);
    }
    const size = alignUp(Math.max(bytes, 1));
    let offset = this.takeFromFreeList(size);
    if (offset === undefined) {
      offset = this.top;
      this.ensureCapacity(offset + size);
      this.top = offset + size;
    }
    this.sizes.set(offset, size);
    this.used += size;
    return offset;
  }

  /** Like alloc, and zero-fills the region (free blocks hold stale data). */
  allocZeroed(bytes: number): number {
    const offset = this.alloc(bytes);
    new Uint8Array(this.memory.buffer, offset, bytes).fill(0);
    return offset;
  }

  /** Returns a region to the allocator; freeing an unknown offset is a bug and throws. */
  release(offset: number): void {
    const size = this.sizes.get(offset);
    if (size === undefined) throw new AllocatorError(`free of ${offset}: not an allocated region`);
    this.sizes.delete(offset);
    this.used -= size;
    this.insertFree({ offset, size });
  }

  private takeFromFreeList(size: number): number | undefined {
    for (let i = 0; i < this.free.length; i++) {
      const block = this.free[i]!;
      if (block.size < size) continue;
      const offset = block.offset;
      if (block.size === size) this.free.splice(i, 1);
      else {
        block.offset += size;
        block.size -= size;
      }
      return offset;
    }
    return undefined;
  }

  /** Inserts in address order and merges with neighbours; a block ending at top lowers top. */
  private insertFree(block: FreeBlock): void {
    let i = 0;
    while (i < this.free.length && this.free[i]!.offset < block.offset) i++;
    this.free.splice(i, 0, block);
    const next = this.free[i + 1];
    if (next && block.offset + block.size === next.offset) {
      block.size += next.size;
      this.free.splice(i + 1, 1);
    }
    const previous = this.free[i - 1];
    if (previous && previous.offset + previous.size === block.offset) {
      previous.size += block.size;
      this.free.splice(i, 1);
      block = previous;
      i--;
    }
    if (block.offset + block.size === this.top) {
      this.top = block.offset;
      this.free.splice(i, 1);
    }
  }

  private ensureCapacity(end: number): void {
    if (end > MAX_BYTES) {
      throw new AllocatorError(`out of WASM memory: ${end} bytes needed, wasm32 allows ${MAX_BYTES}`);
    }
    const current = this.memory.buffer.byteLength;
    if (end <= current) return;
    const pages = Math.ceil((end - current) / PAGE_BYTES);
    try {
      this.memory.grow(pages);
    } catch (cause) {
      throw new AllocatorError(`out of WASM memory: cannot grow by ${pages} pages`, { cause });
    }
  }
}
