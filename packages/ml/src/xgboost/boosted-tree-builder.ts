import type { Matrix } from '../core/matrix.js';
import { nextDown } from '../core/next-down.js';
import { emptyTree, pushNode, type TreeStructure } from '../tree/tree-structure.js';
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

/** Rows of X sorted by each feature, computed once per fit and shared by all trees. */
export function sortedByFeature(X: Matrix): Int32Array[] {
  return Array.from({ length: X.cols }, (_, f) =>
    Int32Array.from({ length: X.rows }, (_, i) => i).sort((a, b) => (X.data[a * X.cols + f] as number) - (X.data[b * X.cols + f] as number)),
  );
}

interface OpenNode {
  id: number;
  g: number;
  h: number;
  bestGain: number;
  bestFeature: number;
  bestThreshold: number;
  /** Running left sums during a feature sweep. */
  gl: number;
  hl: number;
  last: number;
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
export function buildBoostedTree(X: Matrix, sorted: Int32Array[], g: Float64Array, h: Float64Array, o: BoostedTreeOptions): TreeStructure {
  const tree = emptyTree();
  const gains: number[] = [];
  const position = new Int32Array(X.rows);
  let gRoot = 0;
  let hRoot = 0;
  for (let i = 0; i < X.rows; i++) {
    gRoot += g[i] as number;
    hRoot += h[i] as number;
  }
  // Nodes still growing, indexed by node id (an array: this lookup is the inner loop).
  let open: (OpenNode | undefined)[] = [];
  let openCount = 0;
  const newNode = (gs: number, hs: number): OpenNode => {
    const id = pushNode(tree, [o.learningRate * weight(gs, hs, o)], hs);
    gains.push(0);
    return { id, g: gs, h: hs, bestGain: MIN_GAIN, bestFeature: -1, bestThreshold: 0, gl: 0, hl: 0, last: NaN };
  };
  const root = newNode(gRoot, hRoot);
  open[root.id] = root;
  openCount = 1;

  for (let depth = 0; depth < o.maxDepth && openCount > 0; depth++) {
    const growing = open.filter((node): node is OpenNode => node !== undefined);
    for (let f = 0; f < X.cols; f++) {
      for (const node of growing) {
        node.gl = node.hl = 0;
        node.last = NaN;
      }
      for (const i of sorted[f] as Int32Array) {
        const node = open[position[i] as number];
        if (!node) continue;
        const v = X.data[i * X.cols + f] as number;
        if (v !== node.last && node.hl >= o.minChildWeight && node.h - node.hl >= o.minChildWeight) {
          const gain = score(node.gl, node.hl, o) + score(node.g - node.gl, node.h - node.hl, o) - score(node.g, node.h, o);
          // Equal gains up to rounding (the same partition cut by another feature) keep the
          // lower feature index, as xgboost's SplitEntry::NeedReplace.
          if (gain > node.bestGain * (1 + TIE_TOLERANCE)) {
            node.bestGain = gain;
            node.bestFeature = f;
            // xgboost computes the midpoint in float32 and sends x < midpoint left; stored
            // as x <= nextDown(midpoint), the same test for every input.
            node.bestThreshold = nextDown(fround(v + node.last) * 0.5);
          }
        }
        node.gl += g[i] as number;
        node.hl += h[i] as number;
        node.last = v;
      }
    }
    const next: (OpenNode | undefined)[] = [];
    openCount = 0;
    const children: ([OpenNode, OpenNode] | undefined)[] = [];
    for (const node of growing) {
      if (node.bestFeature < 0) continue;
      let gl = 0;
      let hl = 0;
      for (let i = 0; i < X.rows; i++) {
        if (position[i] === node.id && (X.data[i * X.cols + node.bestFeature] as number) <= node.bestThreshold) {
          gl += g[i] as number;
          hl += h[i] as number;
        }
      }
      const left = newNode(gl, hl);
      const right = newNode(node.g - gl, node.h - hl);
      tree.feature[node.id] = node.bestFeature;
      tree.threshold[node.id] = node.bestThreshold;
      tree.left[node.id] = left.id;
      tree.right[node.id] = right.id;
      gains[node.id] = node.bestGain;
      children[node.id] = [left, right];
      next[left.id] = left;
      next[right.id] = right;
      openCount += 2;
    }
    for (let i = 0; i < X.rows; i++) {
      const node = position[i] as number;
      if (node < 0) continue;
      const pair = children[node];
      // Rows whose node stopped growing leave the sweep for good.
      if (!pair) position[i] = -1;
      else position[i] = (X.data[i * X.cols + (tree.feature[node] as number)] as number) <= (tree.threshold[node] as number) ? pair[0].id : pair[1].id;
    }
    open = next;
  }
  if (o.gamma > 0) pruneBelowGamma(tree, gains, 0, o.gamma);
  return tree;
}

/** Turns splits with gain < γ into leaves when both children are (or became) leaves. */
function pruneBelowGamma(tree: TreeStructure, gains: number[], node: number, gamma: number): boolean {
  if (tree.feature[node] === -1) return true;
  const leftLeaf = pruneBelowGamma(tree, gains, tree.left[node] as number, gamma);
  const rightLeaf = pruneBelowGamma(tree, gains, tree.right[node] as number, gamma);
  if (leftLeaf && rightLeaf && (gains[node] as number) < gamma) {
    tree.feature[node] = -1;
    tree.threshold[node] = 0;
    tree.left[node] = -1;
    tree.right[node] = -1;
    return true;
  }
  return false;
}

/** Drops nodes no longer reachable from the root (after pruning), renumbering ids. */
export function compactTree(tree: TreeStructure): TreeStructure {
  const out = emptyTree();
  const copy = (node: number): number => {
    const id = pushNode(out, (tree.value[node] as number[]).slice(), tree.weightedSamples[node] as number);
    if (tree.feature[node] !== -1) {
      out.feature[id] = tree.feature[node] as number;
      out.threshold[id] = tree.threshold[node] as number;
      out.left[id] = copy(tree.left[node] as number);
      out.right[id] = copy(tree.right[node] as number);
    }
    return id;
  };
  copy(0);
  return out;
}
