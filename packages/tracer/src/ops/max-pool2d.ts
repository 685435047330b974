import { definePool2d } from './families/pooling.js';

/** Max over each (kernelShape) window of an NCHW input; padding never wins. Stride defaults to the kernel. */
export const maxPool2d = definePool2d({
  name: 'maxPool2d',
  dtype: (d) => d,
  linear: false,
  fold: (values) => values.reduce((a, v) => Math.max(a, v), -Infinity),
});
