import type { GraphNode, NodeBounds } from '@cml/tracer';
import type { LinearTerm } from '../program/program-builder.js';
import type { ExtremumPlan } from './extrema.js';
import type { LoweringContext } from './lower.js';

/** A candidate of the tree: its value and its position, a constant plus an optional ciphertext. */
interface Candidate {
  readonly value: LinearTerm;
  readonly index: { readonly term?: LinearTerm; readonly constant: number };
}

const relu = (v: number): number => Math.max(v, 0);

/**
 * argmax over windows as a tree of pairwise comparisons (numpy's first maximum wins: the
 * earlier candidate a is kept when a >= b). Per pair, with d = a - b and c = [d >= 0]:
 *   value = b + relu(d),   index = ib + c * (ia - ib).
 * While both indices are clear positions, c * (ia - ib) is linear in c. Once they are
 * ciphertexts, with s = ia - ib and K above any |s|:
 *   c * s = relu(s + K c - K) - relu(-s + K c - K)
 * (c = 1: relu(s) - relu(-s) = s; c = 0: both arguments are below 0), two more lookups.
 */
export function lowerArgmaxTree(
  context: LoweringContext,
  root: GraphNode,
  plan: ExtremumPlan,
  measured: NodeBounds,
): number {
  const { builder } = context;
  const source = context.valueOf(plan.source);
  const K = Math.max(1, ...plan.groups.map((group) => group.length));
  let groups: Candidate[][] = plan.groups.map((group) =>
    group.map((element, position) => ({
      value: { value: source, element, weight: 1 },
      index: { constant: position },
    })),
  );
  while (groups.some((group) => group.length > 1)) {
    const pairs: [Candidate, Candidate][] = [];
    const placeholders: (Candidate | number)[][] = groups.map((group) => {
      const kept: (Candidate | number)[] = [];
      for (let i = 0; i + 1 < group.length; i += 2) {
        kept.push(pairs.length);
        pairs.push([group[i] as Candidate, group[i + 1] as Candidate]);
      }
      if (group.length % 2 === 1) kept.push(group[group.length - 1] as Candidate);
      return kept;
    });
    const n = pairs.length;
    const shape = [n];
    const at = (value: number, i: number, weight = 1): LinearTerm => ({
      value,
      element: i,
      weight,
    });
    const all = Array.from({ length: n }, (_, i) => i);
    const difference = builder.linear(
      shape,
      pairs.map(([a, b]) => [a.value, { ...b.value, weight: -1 }]),
      new Array<number>(n).fill(0),
    );
    const positive = builder.lookup(difference, shape, all, (d) =>
      new Float64Array(n).fill(relu(d)),
    );
    const wins = builder.lookup(difference, shape, all, (d) =>
      new Float64Array(n).fill(d >= 0 ? 1 : 0),
    );
    const values = builder.linear(
      shape,
      pairs.map(([, b], i) => [b.value, at(positive, i)]),
      new Array<number>(n).fill(0),
    );
    const terms = (candidate: Candidate, weight: number): LinearTerm[] =>
      candidate.index.term
        ? [{ ...candidate.index.term, weight: weight * candidate.index.term.weight }]
        : [];
    const spread = pairs.map(([a, b]) => a.index.constant - b.index.constant);
    let indices: number;
    if (pairs.every(([a, b]) => !a.index.term && !b.index.term)) {
      indices = builder.linear(
        shape,
        pairs.map((_, i) => [at(wins, i, spread[i] as number)]),
        pairs.map(([, b]) => b.index.constant),
      );
    } else {
      const up = builder.linear(
        shape,
        pairs.map(([a, b], i) => [...terms(a, 1), ...terms(b, -1), at(wins, i, K)]),
        spread.map((s) => s - K),
      );
      const down = builder.linear(
        shape,
        pairs.map(([a, b], i) => [...terms(a, -1), ...terms(b, 1), at(wins, i, K)]),
        spread.map((s) => -s - K),
      );
      const upRelu = builder.lookup(up, shape, all, (v) => new Float64Array(n).fill(relu(v)));
      const downRelu = builder.lookup(down, shape, all, (v) => new Float64Array(n).fill(relu(v)));
      indices = builder.linear(
        shape,
        pairs.map(([, b], i) => [...terms(b, 1), at(upRelu, i), at(downRelu, i, -1)]),
        pairs.map(([, b]) => b.index.constant),
      );
    }
    groups = placeholders.map((group) =>
      group.map((entry) =>
        typeof entry === 'number'
          ? { value: at(values, entry), index: { term: at(indices, entry), constant: 0 } }
          : entry,
      ),
    );
  }
  const winners = groups.map((group) => group[0] as Candidate);
  return builder.linear(
    root.shape,
    winners.map((w) => (w.index.term ? [w.index.term] : [])),
    winners.map((w) => w.index.constant),
    root.id,
    measured,
  );
}
