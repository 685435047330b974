import { InvalidParameterError } from '../core/errors.js';

/** The JSON form of a quantizer: one (scale, zeroPoint) per channel. */
export interface QuantizerParams {
  readonly nBits: number;
  readonly signed: boolean;
  readonly scale: readonly number[];
  readonly zeroPoint: readonly number[];
}

/**
 * Uniform affine quantizer, per tensor (one channel) or per channel (one scale per column):
 *   q = clip(round(x / scale) + zeroPoint, qMin, qMax),   x ≈ scale · (q − zeroPoint),
 * with [qMin, qMax] = [0, 2^n − 1] (unsigned) or [−(2^(n−1) − 1), 2^(n−1) − 1] (signed,
 * symmetric: zeroPoint = 0, a range that is its own negation). Calibration maps the observed
 * [min, max] of each channel (widened to contain 0 for symmetric ones) onto the integer range.
 */
export class UniformQuantizer {
  readonly qMin: number;
  readonly qMax: number;

  constructor(readonly params: QuantizerParams) {
    const { nBits, signed, scale, zeroPoint } = params;
    if (!Number.isInteger(nBits) || nBits < 1 || nBits > 16 || (signed && nBits < 2)) {
      throw new InvalidParameterError(`quantizer nBits must be an integer in [${signed ? 2 : 1}, 16], got ${nBits}`);
    }
    if (scale.length !== zeroPoint.length || scale.some((s) => !(s > 0) || !Number.isFinite(s))) {
      throw new InvalidParameterError('quantizer scales must be positive finite numbers, one per zero point');
    }
    this.qMin = signed ? -(2 ** (nBits - 1) - 1) : 0;
    this.qMax = signed ? 2 ** (nBits - 1) - 1 : 2 ** nBits - 1;
  }

  /** Calibrates one channel per column of `columns` (each the values seen for that channel). */
  static calibrate(columns: readonly ArrayLike<number>[], nBits: number, symmetric: boolean): UniformQuantizer {
    const qSpan = symmetric ? 2 ** (nBits - 1) - 1 : 2 ** nBits - 1;
    const scale: number[] = [];
    const zeroPoint: number[] = [];
    for (const values of columns) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < values.length; i++) {
        lo = Math.min(lo, values[i] as number);
        hi = Math.max(hi, values[i] as number);
      }
      if (symmetric) {
        const bound = Math.max(Math.abs(lo), Math.abs(hi));
        scale.push(bound > 0 ? bound / qSpan : 1);
        zeroPoint.push(0);
      } else {
        const s = hi > lo ? (hi - lo) / qSpan : 1;
        scale.push(s);
        zeroPoint.push(Math.round(-lo / s));
      }
    }
    return new UniformQuantizer({ nBits, signed: symmetric, scale, zeroPoint });
  }

  get channels(): number {
    return this.params.scale.length;
  }

  /** Quantizes value `x` of channel `c`. */
  quantize(x: number, c = 0): number {
    const q = Math.round(x / (this.params.scale[c] as number)) + (this.params.zeroPoint[c] as number);
    return Math.min(this.qMax, Math.max(this.qMin, q));
  }

  dequantize(q: number, c = 0): number {
    return (this.params.scale[c] as number) * (q - (this.params.zeroPoint[c] as number));
  }

  /** Quantizes a row whose entry j belongs to channel j. */
  quantizeRow(x: ArrayLike<number>): number[] {
    return Array.from(x, (v, j) => this.quantize(v, j));
  }
}
