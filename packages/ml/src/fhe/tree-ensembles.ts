import { np, type Tracer } from '@cml/tracer';
import type { ModelDump } from '../core/base.js';
import type { UniformQuantizer } from '../quantization/uniform-quantizer.js';
import { LEAF, type TreeStructure } from '../tree/tree-structure.js';
import type { FheHead } from './client-spec.js';
import { UnsupportedModelError } from './errors.js';
import type { IntegerProgram } from './integer-program.js';

/** A fitted tree model seen as sums of trees: tree t adds its leaf value to score `score[t]` (one column per score it feeds). */
export interface TreeEnsemble {
  /** Tree t's value column `columns[i]` (default i) adds to score `scores[i]`. */
  readonly trees: readonly { readonly tree: TreeStructure; readonly scores: readonly number[]; readonly columns?: readonly number[] }[];
  readonly scoreCount: number;
  /** score_k = averaging · Σ_t leaf values + base_k. */
  readonly averaging: number;
  readonly base: readonly number[];
  readonly head: FheHead;
}

/** The tree view of a dumped DecisionTree / RandomForest / XGB model, or undefined for other models. */
export function treeEnsembleOf(dump: ModelDump): TreeEnsemble | undefined {
  const s = dump.state as Record<string, unknown>;
  const classes = s.classes as number[] | undefined;
  // Two classes: only P(class 1) is computed; the client takes P(class 0) = 1 − P(class 1).
  const perClass = (t: TreeStructure) =>
    classes?.length === 2 ? { tree: t, scores: [0], columns: [1] } : { tree: t, scores: (classes ?? [0]).map((_, k) => k) };
  const classScores = (classes?.length === 2 ? [0] : classes ?? []).map(() => 0);
  const single = (t: TreeStructure) => ({ tree: t, scores: [0] });
  switch (dump.model) {
    case 'DecisionTreeClassifier':
      return { trees: [perClass(s.tree as TreeStructure)], scoreCount: classScores.length, averaging: 1, base: classScores, head: { kind: 'tree-classifier', classes: classes! } };
    case 'DecisionTreeRegressor':
      return { trees: [single(s.tree as TreeStructure)], scoreCount: 1, averaging: 1, base: [0], head: { kind: 'regressor', link: 'identity' } };
    case 'RandomForestClassifier': {
      const trees = s.trees as TreeStructure[];
      return { trees: trees.map(perClass), scoreCount: classScores.length, averaging: 1 / trees.length, base: classScores, head: { kind: 'tree-classifier', classes: classes! } };
    }
    case 'RandomForestRegressor': {
      const trees = s.trees as TreeStructure[];
      return { trees: trees.map(single), scoreCount: 1, averaging: 1 / trees.length, base: [0], head: { kind: 'regressor', link: 'identity' } };
    }
    case 'XGBClassifier': {
      const rounds = s.trees as TreeStructure[][];
      const base = s.baseMargin as number[];
      return {
        trees: rounds.flatMap((round) => round.map((tree, k) => ({ tree, scores: [k] }))),
        scoreCount: base.length,
        averaging: 1,
        base,
        head: { kind: 'boosted-classifier', classes: classes! },
      };
    }
    case 'XGBRegressor':
      return { trees: (s.trees as TreeStructure[]).map(single), scoreCount: 1, averaging: 1, base: [s.baseMargin as number], head: { kind: 'regressor', link: 'identity' } };
    default:
      return undefined;
  }
}

interface Comparison {
  readonly feature: number;
  readonly threshold: number;
}

interface LeafPath {
  readonly node: number;
  /** Comparison ids along the path and whether the path takes the "<=" (left) branch. */
  readonly steps: readonly { readonly comparison: number; readonly left: boolean }[];
}

function leafPaths(tree: TreeStructure, comparisonOf: (node: number) => number): LeafPath[] {
  const out: LeafPath[] = [];
  const walk = (node: number, steps: LeafPath['steps']): void => {
    if (tree.feature[node] === LEAF) {
      out.push({ node, steps });
      return;
    }
    const c = comparisonOf(node);
    walk(tree.left[node] as number, [...steps, { comparison: c, left: true }]);
    walk(tree.right[node] as number, [...steps, { comparison: c, left: false }]);
  };
  walk(0, []);
  return out;
}

export interface QuantizedTrees {
  readonly program: IntegerProgram;
  readonly terms: number[][];
  readonly scale: number[];
  readonly offset: number[];
}

/**
 * Trees as three encrypted stages (Concrete ML's tree_to_numpy, the Hummingbird GEMM form):
 *   1. c = [x_q[f_i] <= θ_i] for every distinct (feature, quantized threshold): one lookup each;
 *   2. d_l = Σ_{left steps} (1 − c_i) + Σ_{right steps} c_i, the mismatches on leaf l's path (a
 *      clear matrix product), and h_l = [d_l = 0], one lookup per leaf: the one-hot leaf;
 *   3. o_t = Σ_l h_l v_l over tree t's leaves, with leaf values v quantized to leafBits: clear.
 * Each tree's output is decrypted separately and the trees are summed in the clear, so the
 * message width stays max(nBits, leafBits, bits of the path length).
 * Thresholds: x <= t becomes q <= round(t/σ + z − 1/2), the half-integer boundary nearest t.
 */
export function quantizeTreeEnsemble(ensemble: TreeEnsemble, input: UniformQuantizer, leafBits: number): QuantizedTrees {
  if (!Number.isInteger(leafBits) || leafBits < 1 || leafBits > 8) {
    throw new UnsupportedModelError(`leafBits must be an integer in [1, 8], got ${leafBits}`);
  }
  const qMax = input.qMax;
  const thresholdOf = (tree: TreeStructure, node: number): number => {
    const feature = tree.feature[node] as number;
    const u = (tree.threshold[node] as number) / (input.params.scale[feature] as number) + (input.params.zeroPoint[feature] as number);
    return Math.round(u - 0.5);
  };
  const columnsOf = (t: number): readonly number[] => {
    const member = ensemble.trees[t]!;
    return member.columns ?? member.scores.map((_, j) => j);
  };

  // Leaf values: one affine quantizer over every leaf of every tree (the columns in use).
  const allPaths = ensemble.trees.map(({ tree }) => leafPaths(tree, () => 0));
  const leafValues = ensemble.trees.flatMap(({ tree }, t) => (allPaths[t] as LeafPath[]).flatMap((p) => columnsOf(t).map((j) => (tree.value[p.node] as number[])[j] as number)));
  const lo = Math.min(...leafValues);
  const hi = Math.max(...leafValues);
  const step = hi > lo ? (hi - lo) / (2 ** leafBits - 1) : 1;
  const quantizeLeaf = (v: number): number => Math.round((v - lo) / step);
  // Exactly one leaf per tree is hit, so o = m + Σ_l h_l (q_l − m) for any m: with m the tree's
  // smallest quantized value, leaves holding m in every column need no lookup at all.
  const floors = ensemble.trees.map(({ tree }, t) =>
    columnsOf(t).map((j) => Math.min(...(allPaths[t] as LeafPath[]).map((p) => quantizeLeaf((tree.value[p.node] as number[])[j] as number)))),
  );
  const leafOutputs = (t: number, node: number): number[] =>
    columnsOf(t).map((j, i) => quantizeLeaf((ensemble.trees[t]!.tree.value[node] as number[])[j] as number) - (floors[t]![i] as number));

  const comparisons: Comparison[] = [];
  const ids = new Map<string, number>();
  const comparisonOf = (tree: TreeStructure) => (node: number): number => {
    const feature = tree.feature[node] as number;
    const threshold = thresholdOf(tree, node);
    const key = `${feature}:${threshold}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = comparisons.length;
      ids.set(key, id);
      comparisons.push({ feature, threshold });
    }
    return id;
  };
  // Only leaves with a non-zero output get comparisons and an equality lookup.
  const paths = ensemble.trees.map(({ tree }, t) => {
    const active = new Set((allPaths[t] as LeafPath[]).filter((p) => leafOutputs(t, p.node).some((v) => v !== 0)).map((p) => p.node));
    const register = comparisonOf(tree);
    return leafPaths(tree, (node) => node)
      .filter((p) => active.has(p.node))
      .map((p) => ({ node: p.node, steps: p.steps.map((s) => ({ comparison: register(s.comparison), left: s.left })) }));
  });
  if (comparisons.length === 0) throw new UnsupportedModelError('every tree is constant after quantization: nothing to compute');

  // Outputs: one per (tree, value column in use).
  const outputOf: number[][] = [];
  const terms: number[][] = Array.from({ length: ensemble.scoreCount }, () => []);
  let next = 0;
  ensemble.trees.forEach(({ scores }) => outputOf.push(scores.map((k) => ((terms[k] as number[]).push(next), next++))));
  const outputCount = next;

  const leaves = paths.flat();
  const S = comparisons.map((c) => Array.from({ length: input.channels }, (_, j) => (j === c.feature ? 1 : 0)));
  const thetas = comparisons.map((c) => c.threshold);
  // d_l = Σ_{left steps} (1 − c_i) + Σ_{right steps} c_i as one non-negative matrix over [1 − c; c]
  const mismatchMatrix = leaves.map((p) => {
    const r = new Array<number>(2 * comparisons.length).fill(0);
    for (const s of p.steps) {
      const at = s.left ? s.comparison : comparisons.length + s.comparison;
      r[at] = (r[at] as number) + 1;
    }
    return r;
  });
  const V = Array.from({ length: outputCount }, () => new Array<number>(leaves.length).fill(0));
  let leafIndex = 0;
  paths.forEach((treePaths, t) => {
    for (const p of treePaths) {
      leafOutputs(t, p.node).forEach((v, i) => ((V[(outputOf[t] as number[])[i] as number] as number[])[leafIndex] = v));
      leafIndex++;
    }
  });

  // The reference: walk every tree with the quantized thresholds.
  const evaluate = (q: readonly number[]): number[] => {
    const out = new Array<number>(outputCount).fill(0);
    ensemble.trees.forEach(({ tree }, t) => {
      let node = 0;
      while (tree.feature[node] !== LEAF) {
        node = (q[tree.feature[node] as number] as number) <= thresholdOf(tree, node) ? (tree.left[node] as number) : (tree.right[node] as number);
      }
      leafOutputs(t, node).forEach((v, i) => (out[(outputOf[t] as number[])[i] as number] = v));
    });
    return out;
  };

  const program: IntegerProgram = {
    outputCount,
    trace: (x: Tracer) => {
      const c = np.lessEqual(np.matmul(S, x), thetas);
      // [1 − c; c] keeps every path sum non-negative: its window is [0, depth], not [−depth, depth]
      const mismatches = np.matmul(mismatchMatrix, np.concatenate([np.subtract(1, c), c]));
      return np.matmul(V, np.equal(mismatches, 0));
    },
    evaluate,
    extremes: pathExtremes(leaves, comparisons, input.channels, qMax),
  };
  const floorSum = new Array<number>(ensemble.scoreCount).fill(0);
  ensemble.trees.forEach(({ scores }, t) => scores.forEach((k, i) => (floorSum[k] = (floorSum[k] as number) + (floors[t]![i] as number))));
  return {
    program,
    terms,
    scale: new Array<number>(outputCount).fill(ensemble.averaging * step),
    offset: terms.map((ids, k) => ensemble.averaging * (ids.length * lo + step * (floorSum[k] as number)) + (ensemble.base[k] as number)),
  };
}

/**
 * Inputs reaching the smallest and largest mismatch count of every leaf: the count is a sum
 * over features of the mismatches of that feature's comparisons, so each feature's value is
 * chosen on its own (scanning its 2^nBits values). Plus all-zero and all-max inputs, the ends
 * of every comparison's window.
 */
function pathExtremes(leaves: LeafPath[], comparisons: Comparison[], features: number, qMax: number): number[][] {
  const rows = new Map<string, number[]>();
  const add = (r: number[]): void => void rows.set(r.join(','), r);
  add(new Array<number>(features).fill(0));
  add(new Array<number>(features).fill(qMax));
  for (const leaf of leaves) {
    const byFeature = new Map<number, { threshold: number; left: boolean }[]>();
    for (const s of leaf.steps) {
      const c = comparisons[s.comparison] as Comparison;
      byFeature.set(c.feature, [...(byFeature.get(c.feature) ?? []), { threshold: c.threshold, left: s.left }]);
    }
    const low = new Array<number>(features).fill(0);
    const high = new Array<number>(features).fill(0);
    for (const [feature, tests] of byFeature) {
      let best = { lo: Infinity, loV: 0, hi: -Infinity, hiV: 0 };
      for (let v = 0; v <= qMax; v++) {
        const miss = tests.filter((t) => (v <= t.threshold) !== t.left).length;
        if (miss < best.lo) best = { ...best, lo: miss, loV: v };
        if (miss > best.hi) best = { ...best, hi: miss, hiV: v };
      }
      low[feature] = best.loV;
      high[feature] = best.hiV;
    }
    add(low);
    add(high);
  }
  return [...rows.values()];
}
