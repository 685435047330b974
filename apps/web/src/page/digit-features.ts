/**
 * Turns a drawing into the 64 features of scikit-learn's digits set, the way that set was
 * made: the ink's bounding box is scaled (aspect kept) and centred into a 32x32 bitmap, and
 * each 4x4 block becomes the count of its inked pixels, 0..16 — an 8x8 image.
 */

const BITMAP = 32;
const BLOCK = 4;

/** `inked(x, y)` for a `width` x `height` drawing; returns 64 values in 0..16, row by row. */
export function digitFeatures(inked: (x: number, y: number) => boolean, width: number, height: number): number[] {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inked(x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  const features = new Array<number>((BITMAP / BLOCK) ** 2).fill(0);
  if (right < 0) return features;
  const boxWidth = right - left + 1;
  const boxHeight = bottom - top + 1;
  const scale = Math.max(boxWidth, boxHeight) / BITMAP;
  // Centre the scaled box in the bitmap.
  const offsetX = (BITMAP - boxWidth / scale) / 2;
  const offsetY = (BITMAP - boxHeight / scale) / 2;
  for (let by = 0; by < BITMAP; by++) {
    for (let bx = 0; bx < BITMAP; bx++) {
      const x = Math.floor(left + (bx + 0.5 - offsetX) * scale);
      const y = Math.floor(top + (by + 0.5 - offsetY) * scale);
      if (x < left || x > right || y < top || y > bottom || !inked(x, y)) continue;
      const cell = Math.floor(by / BLOCK) * (BITMAP / BLOCK) + Math.floor(bx / BLOCK);
      features[cell] = (features[cell] as number) + 1;
    }
  }
  return features;
}
