import { defineUnary } from './families/elementwise.js';
import { erf as erfScalar } from './kernels/scalar.js';

/** The error function 2/sqrt(pi) * integral_0^x exp(-t^2) dt; always float. */
export const erf = defineUnary({ name: 'erf', dtype: 'float', fn: erfScalar });
