import { InvalidInputError } from '../core/errors.js';
import { toVector, type Matrix } from '../core/matrix.js';
import type { Rng } from '../core/random.js';
import type { Criterion } from './split-criteria.js';
import { emptyTree, pushNode, type TreeStructure } from './tree-structure.js';

export interface CartOptions {
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Features drawn per split (already resolved to a count). */
  maxFeatures: number;
  minImpurityDecrease: number;
  rng: Rng;
}

/** sklearn's tolerance: feature values closer than this are not split apart. */
const FEATURE_THRESHOLD = 1e-7;

interface Split {
  feature: number;
  threshold: number;
  /** Samples of the node reordered so the left child's come first. */
  order: Int32Array;
  nLeft: number;
  proxy: number;
}

/**
 * Grows a CART tree depth-first, as sklearn's BestSplitter + DepthFirstTreeBuilder: at each
 * node, features are drawn at random without replacement (constant ones do not end the
 * search until one usable feature is found) until `maxFeatures` were tried; for each, the
 * node's samples are sorted and every cut between distinct values that leaves at least
 * `minSamplesLeaf` samples per side is scored; the best cut's threshold is the midpoint of
 * the two values. A node becomes a leaf at maxDepth, below minSamplesSplit samples, when
 * pure, or when the best weighted impurity decrease is below minImpurityDecrease.
 * `makeCriterion` provides fresh accumulators (gini, entropy or squared error).
 */
export function buildCart(
  X: Matrix,
  sampleWeight: Float64Array,
  makeCriterion: () => Criterion,
  options: CartOptions,
): TreeStructure {
  const tree = emptyTree();
  const nodeStats = makeCriterion();
  const left = makeCriterion();
  const right = makeCriterion();
  const samples = Int32Array.from(
    Array.from({ length: X.rows }, (_, i) => i).filter((i) => (sampleWeight[i] as number) > 0),
  );
  let totalWeight = 0;
  for (const i of samples) totalWeight += sampleWeight[i] as number;
  const column = (i: number, f: number): number => X.data[i * X.cols + f] as number;

  const bestSplit = (node: Int32Array): Split | undefined => {
    let best: Split | undefined;
    const features = Array.from({ length: X.cols }, (_, f) => f);
    let visited = 0;
    let constants = 0;
    for (let drawn = 0; drawn < X.cols; drawn++) {
      if (visited >= options.maxFeatures && visited > constants) break;
      const pick = drawn + options.rng.nextInt(X.cols - drawn);
      const f = features[pick] as number;
      features[pick] = features[drawn] as number;
      features[drawn] = f;
      visited++;
      const order = Int32Array.from(node).sort((a, b) => column(a, f) - column(b, f));
      const first = column(order[0] as number, f);
      const last = column(order[order.length - 1] as number, f);
      if (last <= first + FEATURE_THRESHOLD) {
        constants++;
        continue;
      }
      left.reset();
      right.copyFrom(nodeStats);
      for (let p = 0; p < order.length - 1; p++) {
        const s = order[p] as number;
        left.add(s, sampleWeight[s] as number);
        right.remove(s, sampleWeight[s] as number);
        const here = column(s, f);
        const next = column(order[p + 1] as number, f);
        if (next <= here + FEATURE_THRESHOLD) continue;
        const nLeft = p + 1;
        if (nLeft < options.minSamplesLeaf || order.length - nLeft < options.minSamplesLeaf) continue;
        const proxy = left.proxy() + right.proxy();
        if (!best || proxy > best.proxy) {
          let threshold = (here + next) / 2;
          if (threshold === next) threshold = here;
          best = { feature: f, threshold, order, nLeft, proxy };
        }
      }
    }
    return best;
  };

  const grow = (node: Int32Array, depth: number): number => {
    nodeStats.reset();
    for (const i of node) nodeStats.add(i, sampleWeight[i] as number);
    const nodeWeight = nodeStats.weight();
    const impurity = nodeStats.impurity();
    const id = pushNode(tree, nodeStats.value(), nodeWeight);
    const isLeaf =
      depth >= options.maxDepth ||
      node.length < options.minSamplesSplit ||
      node.length < 2 * options.minSamplesLeaf ||
      impurity <= Number.EPSILON;
    if (isLeaf) return id;
    const split = bestSplit(node);
    if (!split) return id;
    const leftSamples = split.order.subarray(0, split.nLeft);
    const rightSamples = split.order.subarray(split.nLeft);
    left.reset();
    right.reset();
    for (const i of leftSamples) left.add(i, sampleWeight[i] as number);
    for (const i of rightSamples) right.add(i, sampleWeight[i] as number);
    const improvement =
      (nodeWeight / totalWeight) *
      (impurity - (left.weight() / nodeWeight) * left.impurity() - (right.weight() / nodeWeight) * right.impurity());
    if (improvement + Number.EPSILON < options.minImpurityDecrease) return id;
    tree.feature[id] = split.feature;
    tree.threshold[id] = split.threshold;
    tree.left[id] = grow(Int32Array.from(leftSamples), depth + 1);
    tree.right[id] = grow(Int32Array.from(rightSamples), depth + 1);
    return id;
  };

  grow(samples, 0);
  return tree;
}

/** Sample weights as given to `fit`: one finite, non-negative value per row. */
export function checkedWeights(sampleWeight: ArrayLike<number>, rows: number): Float64Array {
  const weights = toVector(sampleWeight, rows, 'sampleWeight');
  if (weights.some((w) => w < 0)) throw new InvalidInputError('sampleWeight must be non-negative');
  return weights;
}
