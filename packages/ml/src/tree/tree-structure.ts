/**
 * A fitted binary decision tree as plain, JSON-ready arrays indexed by node id (root = 0),
 * the layout of sklearn's `tree_`. An internal node sends a sample left when
 * x[feature] <= threshold and right otherwise; leaves have feature = -1 and no children.
 * The FHE compilation turns every internal node's comparison into one lookup.
 */
export interface TreeStructure {
  /** Feature tested at each node; -1 at leaves. */
  feature: number[];
  /** Threshold tested at each node (x <= threshold goes left); 0 at leaves. */
  threshold: number[];
  /** Left child id; -1 at leaves. */
  left: number[];
  /** Right child id; -1 at leaves. */
  right: number[];
  /** Node output: class probabilities (classifier), [mean] (regressor) or [leaf weight] (boosting). */
  value: number[][];
  /** Weighted number of training samples that reached each node. */
  weightedSamples: number[];
}

export const LEAF = -1;

/** Id of the leaf a sample lands in. */
export function applyTree(tree: TreeStructure, x: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node] !== LEAF) {
    node = (x[tree.feature[node] as number] as number) <= (tree.threshold[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number);
  }
  return node;
}

/** Depth of the deepest leaf (a lone root has depth 0). */
export function treeDepth(tree: TreeStructure, node = 0): number {
  if (tree.feature[node] === LEAF) return 0;
  return 1 + Math.max(treeDepth(tree, tree.left[node] as number), treeDepth(tree, tree.right[node] as number));
}

export function leafCount(tree: TreeStructure): number {
  return tree.feature.filter((f) => f === LEAF).length;
}

/** Adds a node and returns its id. */
export function pushNode(tree: TreeStructure, value: number[], weightedSamples: number): number {
  tree.feature.push(LEAF);
  tree.threshold.push(0);
  tree.left.push(LEAF);
  tree.right.push(LEAF);
  tree.value.push(value);
  tree.weightedSamples.push(weightedSamples);
  return tree.feature.length - 1;
}

export function emptyTree(): TreeStructure {
  return { feature: [], threshold: [], left: [], right: [], value: [], weightedSamples: [] };
}
