import type { ParameterSet } from '../params/parameter-set.js';

/**
 * TEST ONLY, INSECURE: tiny dimensions and tiny noise, so logic tests run in milliseconds.
 * Never use outside tests.
 */
export const TOY_PARAMETERS_INSECURE: ParameterSet = Object.freeze({
  name: 'TOY-INSECURE-test-only',
  precision: 3,
  lweDimension: 64,
  glweDimension: 2,
  polynomialSize: 512,
  lweNoiseStdDev: 2 ** -40,
  glweNoiseStdDev: 2 ** -50,
  pbsBaseLog: 12,
  pbsLevel: 2,
  ksBaseLog: 4,
  ksLevel: 4,
  maxNorm2: 1,
});
