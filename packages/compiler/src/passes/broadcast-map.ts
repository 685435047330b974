/** For each element of `outShape`, the element of `srcShape` that broadcasting reads (numpy rules). */
export function broadcastSourceElements(
  outShape: readonly number[],
  srcShape: readonly number[],
): number[] {
  const size = outShape.reduce((a, b) => a * b, 1);
  const offset = outShape.length - srcShape.length;
  const srcStrides = srcShape.map((_, axis) => srcShape.slice(axis + 1).reduce((a, b) => a * b, 1));
  const result: number[] = [];
  for (let flat = 0; flat < size; flat++) {
    let rest = flat;
    let src = 0;
    for (let axis = outShape.length - 1; axis >= 0; axis--) {
      const dim = outShape[axis] as number;
      const coordinate = rest % dim;
      rest = Math.floor(rest / dim);
      const srcAxis = axis - offset;
      if (srcAxis >= 0 && (srcShape[srcAxis] as number) !== 1)
        src += coordinate * (srcStrides[srcAxis] as number);
    }
    result.push(src);
  }
  return result;
}
