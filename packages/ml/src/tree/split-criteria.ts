import { log2, max } from '../core/math.js';

/**
 * Node impurities for CART. Each criterion accumulates weighted statistics of the samples
 * on one side of a split; `proxy` ranks candidate splits of one node cheaply (larger is
 * better), `impurity` gives the real value for the improvement test.
 */
export interface Criterion {
  /** Clears the accumulator. */
  reset(): void;
  add(sample: number, weight: number): void;
  remove(sample: number, weight: number): void;
  weight(): number;
  impurity(): number;
  /** Node output: class probabilities or the mean. */
  value(): number[];
  /** A quantity whose sum over both children is maximised by the best split. */
  proxy(): number;
  copyFrom(other: Criterion): void;
}

/**
 * Gini impurity 1 − Σ_k p_k² (or entropy −Σ_k p_k log₂ p_k) of class weights.
 * For gini the proxy is Σ_k w_k² / W: maximising its sum over the children minimises the
 * weighted child impurity.
 */
export class ClassificationCriterion implements Criterion {
  readonly counts: Float64Array;
  private total = 0;

  constructor(
    private readonly y: Int32Array,
    readonly nClasses: number,
    private readonly kind: 'gini' | 'entropy',
  ) {
    this.counts = new Float64Array(nClasses);
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
  }

  add(sample: number, weight: number): void {
    const c = this.y[sample] as number;
    this.counts[c] = (this.counts[c] as number) + weight;
    this.total += weight;
  }

  remove(sample: number, weight: number): void {
    const c = this.y[sample] as number;
    this.counts[c] = (this.counts[c] as number) - weight;
    this.total -= weight;
  }

  weight(): number {
    return this.total;
  }

  impurity(): number {
    if (this.total <= 0) return 0;
    let s = 0;
    for (let k = 0; k < this.nClasses; k++) {
      const p = (this.counts[k] as number) / this.total;
      if (this.kind === 'gini') s += p * p;
      else if (p > 0) s -= p * log2(p);
    }
    return this.kind === 'gini' ? 1 - s : s;
  }

  value(): number[] {
    return Array.from(this.counts, (c) => (this.total > 0 ? c / this.total : 0));
  }

  proxy(): number {
    if (this.total <= 0) return 0;
    if (this.kind === 'entropy') return -this.total * this.impurity();
    let s = 0;
    for (let k = 0; k < this.nClasses; k++) s += (this.counts[k] as number) ** 2;
    return s / this.total;
  }

  copyFrom(other: Criterion): void {
    const o = other as ClassificationCriterion;
    this.counts.set(o.counts);
    this.total = o.total;
  }
}

/** Mean squared error around the weighted mean; proxy (Σ w·y)² / W. */
export class SquaredErrorCriterion implements Criterion {
  private total = 0;
  private sum = 0;
  private sumSq = 0;

  constructor(private readonly y: Float64Array) {}

  reset(): void {
    this.total = this.sum = this.sumSq = 0;
  }

  add(sample: number, weight: number): void {
    const v = this.y[sample] as number;
    this.total += weight;
    this.sum += weight * v;
    this.sumSq += weight * v * v;
  }

  remove(sample: number, weight: number): void {
    const v = this.y[sample] as number;
    this.total -= weight;
    this.sum -= weight * v;
    this.sumSq -= weight * v * v;
  }

  weight(): number {
    return this.total;
  }

  impurity(): number {
    if (this.total <= 0) return 0;
    const mean = this.sum / this.total;
    return max(0, this.sumSq / this.total - mean * mean);
  }

  value(): number[] {
    return [this.total > 0 ? this.sum / this.total : 0];
  }

  proxy(): number {
    return this.total > 0 ? (this.sum * this.sum) / this.total : 0;
  }

  copyFrom(other: Criterion): void {
    const o = other as SquaredErrorCriterion;
    this.total = o.total;
    this.sum = o.sum;
    this.sumSq = o.sumSq;
  }
}
