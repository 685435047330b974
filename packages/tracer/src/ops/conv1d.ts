import { defineConvolution } from './families/convolution.js';

/** 1-D convolution, NCL layout (see conv2dKernel for the formula). */
export const conv1d = defineConvolution('conv1d', 1);
