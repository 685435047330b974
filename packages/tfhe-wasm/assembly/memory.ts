/** First free byte after the module's static data: the JS allocator starts here. */
export function heapBase(): usize {
  return __heap_base;
}
