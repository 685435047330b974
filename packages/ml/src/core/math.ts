/**
 * Math functions bound once at module load. Under Jest's vm-based test environment every
 * `Math.x` in a hot loop is a slow global lookup (measured ~70× slower than a module
 * constant), so the numeric kernels import these instead; in plain Node or a browser it
 * makes no difference.
 */
export const { abs, exp, floor, fround, imul, log, log1p, log2, max, min, sign, sqrt, tanh } = Math;
