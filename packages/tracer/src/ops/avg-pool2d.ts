import { definePool2d } from './families/pooling.js';

/**
 * Mean over each window of an NCHW input; always float. Padded positions count in the
 * divisor only with `countIncludePad` (ONNX's default is not to count them).
 */
export const avgPool2d = definePool2d({
  name: 'avgPool2d',
  dtype: () => 'float',
  linear: true,
  fold: (values, windowSize, attrs) =>
    values.reduce((a, v) => a + v, 0) / (attrs.countIncludePad ? windowSize : values.length),
});
