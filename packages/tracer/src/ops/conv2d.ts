import { defineConvolution } from './families/convolution.js';

/** 2-D convolution, NCHW layout (see conv2dKernel for the formula). */
export const conv2d = defineConvolution('conv2d', 2);
