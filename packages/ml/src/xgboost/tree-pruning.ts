import { emptyTree, pushNode, type TreeStructure } from '../tree/tree-structure.js';

/** Turns splits with gain < γ into leaves when both children are (or became) leaves. */
export function pruneBelowGamma(tree: TreeStructure, gains: number[], node: number, gamma: number): boolean {
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
