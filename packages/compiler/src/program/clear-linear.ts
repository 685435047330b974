import type { NdArray } from '@cml/tracer';
import { type Graph, type GraphNode } from '@cml/tracer';
import { OutOfBoundsError } from '../errors.js';
import { probeLinearMap } from '../passes/linear-map.js';
import type { ClearLinearInstruction, LinearInstruction } from './program.js';

/**
 * The linear instruction of a clear-linear step for this run's clear values: the op is probed
 * on a two-level graph (operands, then the op) exactly as the compiler probes constant weights.
 */
export function resolveClearLinear(
  instruction: ClearLinearInstruction,
  clearValue: (value: number) => NdArray,
): LinearInstruction {
  const ids = new Map<number, number>();
  const nodes: GraphNode[] = [];
  const clearOf = new Map<number, NdArray>();
  for (const operand of instruction.operands) {
    if (ids.has(operand.value)) continue;
    const id = nodes.length;
    ids.set(operand.value, id);
    nodes.push({
      id,
      op: 'input',
      inputs: [],
      attrs: {},
      shape: operand.shape,
      dtype: operand.dtype,
      encrypted: operand.encrypted,
    });
    if (!operand.encrypted) clearOf.set(id, clearValue(operand.value));
  }
  const node: GraphNode = {
    id: nodes.length,
    op: instruction.op,
    inputs: instruction.operands.map((o) => ids.get(o.value) as number),
    attrs: instruction.attrs,
    shape: instruction.shape,
    dtype: instruction.dtype,
    encrypted: true,
  };
  const graph: Graph = { nodes: [...nodes, node], inputs: [], outputs: [node.id] };
  const map = probeLinearMap(graph, node, (id) => clearOf.get(id) as NdArray);
  if (!map)
    throw new OutOfBoundsError(
      `'${instruction.op}' with these clear arguments has non-integer weights on encrypted values`,
    );
  const valueOf = new Map([...ids].map(([value, id]) => [id, value]));
  const sources = map.sources.map((id) => valueOf.get(id) as number);
  const rowStart = [0];
  const termSource: number[] = [];
  const termElement: number[] = [];
  const termWeight: number[] = [];
  map.rows.forEach((row) => {
    let norm = 0;
    for (const term of row) {
      termSource.push(map.sources.indexOf(term.source));
      termElement.push(term.element);
      termWeight.push(term.weight);
      norm += term.weight * term.weight;
    }
    if (Math.sqrt(norm) > instruction.maxNorm2 + 1e-9) {
      throw new OutOfBoundsError(
        `clear arguments of '${instruction.op}' give weights of 2-norm ${Math.sqrt(norm).toFixed(2)}, above the ${instruction.maxNorm2.toFixed(2)} the circuit was compiled for`,
      );
    }
    rowStart.push(termWeight.length);
  });
  return {
    kind: 'linear',
    output: instruction.output,
    sources,
    rowStart,
    termSource,
    termElement,
    termWeight,
    bias: map.bias,
  };
}

/** The largest row 2-norm of a linear instruction. */
export function maxRowNorm2(instruction: LinearInstruction): number {
  let max = 0;
  for (let row = 0; row + 1 < instruction.rowStart.length; row++) {
    let sum = 0;
    for (
      let t = instruction.rowStart[row] as number;
      t < (instruction.rowStart[row + 1] as number);
      t++
    )
      sum += (instruction.termWeight[t] as number) ** 2;
    max = Math.max(max, Math.sqrt(sum));
  }
  return max;
}
