import type { Matrix } from '../core/matrix.js';
import { nextDown } from '../core/next-down.js';
import { emptyTree, pushNode, type TreeStructure } from '../tree/tree-structure.js';
import { pruneBelowGamma } from './tree-pruning.js';
import { abs, fround, max, sign } from '../core/math.js';

export interface BoostedTreeOptions {
  maxDepth: number;
  learningRate: number;
  regLambda: number;
  regAlpha: number;
  gamma: number;
  minChildWeight: number;
}

/** xgboost's kRtEps: a split must gain more than this to be made. */
const MIN_GAIN = 1e-6;

/** Relative gain difference below which two candidate splits count as a tie. */
const TIE_TOLERANCE = 1e-9;

/** Soft threshold of the gradient sum by α (the L1 term). */
function thresholdL1(g: number, alpha: number): number {
  return sign(g) * max(abs(g) - alpha, 0);
}

/** Structure score of a node: T(G)² / (H + λ). */
function score(g: number, h: number, o: BoostedTreeOptions): number {
  const t = thresholdL1(g, o.regAlpha);
  return (t * t) / (h + o.regLambda);
}

/** Optimal leaf weight −T(G) / (H + λ). */
function weight(g: number, h: number, o: BoostedTreeOptions): number {
  return -thresholdL1(g, o.regAlpha) / (h + o.regLambda);
}

/** Each feature's row order and values in that order, computed once per fit for all trees. */
export interface PresortedFeatures {
  order: Int32Array[];
  values: Float64Array[];
}

export function presortFeatures(X: Matrix): PresortedFeatures {
  const order = Array.from({ length: X.cols }, (_, f) =>
    Int32Array.from({ length: X.rows }, (_, i) => i).sort((a, b) => (X.data[a * X.cols + f] as number) - (X.data[b * X.cols + f] as number)),
  );
  const values = order.map((rows, f) => Float64Array.from(rows, (i) => X.data[i * X.cols + f] as number));
  return { order, values };
}

/** Per-level statistics of the nodes still growing, one slot per node (typed arrays: this is the hot loop). */
class LevelStats {
  readonly g: Float64Array;
  readonly h: Float64Array;
  readonly parentScore: Float64Array;
  readonly gl: Float64Array;
  readonly hl: Float64Array;
  readonly last: Float64Array;
  readonly bestGain: Float64Array;
  readonly bestFeature: Int32Array;
  readonly bestThreshold: Float64Array;
  readonly bestGl: Float64Array;
  readonly bestHl: Float64Array;

  constructor(
    readonly nodeIds: number[],
    g: number[],
    h: number[],
    o: BoostedTreeOptions,
  ) {
    const n = nodeIds.length;
    this.g = Float64Array.from(g);
    this.h = Float64Array.from(h);
    this.parentScore = Float64Array.from(g, (gs, k) => score(gs, h[k] as number, o));
    this.gl = new Float64Array(n);
    this.hl = new Float64Array(n);
    this.last = new Float64Array(n);
    this.bestGain = new Float64Array(n).fill(MIN_GAIN);
    this.bestFeature = new Int32Array(n).fill(-1);
    this.bestThreshold = new Float64Array(n);
    this.bestGl = new Float64Array(n);
    this.bestHl = new Float64Array(n);
  }
}

/**
 * One regression tree of xgboost's exact greedy algorithm ("tree_method=exact") fitted to
 * gradients g and hessians h of the loss at the current predictions. Grown level by level:
 * for each feature, one pass over the presorted rows accumulates every open node's left
 * sums (G_L, H_L) and scores each cut between distinct values by
 *   gain = T(G_L)²/(H_L+λ) + T(G_R)²/(H_R+λ) − T(G)²/(H+λ),
 * with both sides' H ≥ minChildWeight; ties keep the lower feature index. A node splits at
 * the best cut's midpoint m (x < m goes left) when the gain exceeds 1e-6. Splits whose gain is below γ and
 * whose children are leaves are then pruned bottom-up. Leaf value = learningRate·(−T(G)/(H+λ)).
 */
export function buildBoostedTree(X: Matrix, sorted: PresortedFeatures, g: Float64Array, h: Float64Array, o: BoostedTreeOptions): TreeStructure {
  const tree = emptyTree();
  const gains: number[] = [];
  const addNode = (gs: number, hs: number): number => {
    gains.push(0);
    return pushNode(tree, [o.learningRate * weight(gs, hs, o)], hs);
  };
  let gRoot = 0;
  let hRoot = 0;
  for (let i = 0; i < X.rows; i++) {
    gRoot += g[i] as number;
    hRoot += h[i] as number;
  }
  // slot[i]: row i's node among the growing ones (-1 once its node stopped growing).
  const slot = new Int32Array(X.rows);
  let level = new LevelStats([addNode(gRoot, hRoot)], [gRoot], [hRoot], o);
  const { minChildWeight } = o;

  for (let depth = 0; depth < o.maxDepth && level.nodeIds.length > 0; depth++) {
    const { gl, hl, last, bestGain, bestFeature, bestThreshold, bestGl, bestHl } = level;
    for (let f = 0; f < X.cols; f++) {
      gl.fill(0);
      hl.fill(0);
      last.fill(NaN);
      const order = sorted.order[f] as Int32Array;
      const values = sorted.values[f] as Float64Array;
      for (let k = 0; k < order.length; k++) {
        const i = order[k] as number;
        const s = slot[i] as number;
        if (s < 0) continue;
        const v = values[k] as number;
        const hLeft = hl[s] as number;
        const hRight = (level.h[s] as number) - hLeft;
        if (v !== last[s] && hLeft >= minChildWeight && hRight >= minChildWeight) {
          const gLeft = gl[s] as number;
          const gain = score(gLeft, hLeft, o) + score((level.g[s] as number) - gLeft, hRight, o) - (level.parentScore[s] as number);
          // Equal gains up to rounding (the same partition cut by another feature) keep the
          // lower feature index, as xgboost's SplitEntry::NeedReplace.
          if (gain > (bestGain[s] as number) * (1 + TIE_TOLERANCE)) {
            bestGain[s] = gain;
            bestFeature[s] = f;
            // xgboost computes the midpoint in float32 and sends x < midpoint left; stored
            // as x <= nextDown(midpoint), the same test for every input.
            bestThreshold[s] = nextDown(fround(v + (last[s] as number)) * 0.5);
            bestGl[s] = gLeft;
            bestHl[s] = hLeft;
          }
        }
        gl[s] = (gl[s] as number) + (g[i] as number);
        hl[s] = hLeft + (h[i] as number);
        last[s] = v;
      }
    }
    // Split every node that found a cut; its children form the next level.
    const childSlot = new Int32Array(level.nodeIds.length).fill(-1);
    const nextIds: number[] = [];
    const nextG: number[] = [];
    const nextH: number[] = [];
    level.nodeIds.forEach((id, s) => {
      const f = bestFeature[s] as number;
      if (f < 0) return;
      const gLeft = bestGl[s] as number;
      const hLeft = bestHl[s] as number;
      const gRight = (level.g[s] as number) - gLeft;
      const hRight = (level.h[s] as number) - hLeft;
      tree.feature[id] = f;
      tree.threshold[id] = bestThreshold[s] as number;
      tree.left[id] = addNode(gLeft, hLeft);
      tree.right[id] = addNode(gRight, hRight);
      gains[id] = bestGain[s] as number;
      childSlot[s] = nextIds.length;
      nextIds.push(tree.left[id] as number, tree.right[id] as number);
      nextG.push(gLeft, gRight);
      nextH.push(hLeft, hRight);
    });
    for (let i = 0; i < X.rows; i++) {
      const s = slot[i] as number;
      if (s < 0) continue;
      const left = childSlot[s] as number;
      if (left < 0) {
        slot[i] = -1;
        continue;
      }
      const id = level.nodeIds[s] as number;
      slot[i] = (X.data[i * X.cols + (tree.feature[id] as number)] as number) <= (tree.threshold[id] as number) ? left : left + 1;
    }
    level = new LevelStats(nextIds, nextG, nextH, o);
  }
  if (o.gamma > 0) pruneBelowGamma(tree, gains, 0, o.gamma);
  return tree;
}
