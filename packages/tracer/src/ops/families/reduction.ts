import { GraphError, ShapeError } from '../../errors.js';
import type { DType } from '../../ndarray/dtype.js';
import { formatShape } from '../../ndarray/shape.js';
import { axesAttr, boolAttr } from '../attrs.js';
import { reduce, reducedShape } from '../kernels/reduce.js';
import { defineOp, type OpDef } from '../op.js';

export interface ReductionAttrs {
  /** Sorted non-negative axes to fold. */
  readonly axis: number[];
  readonly keepdims: boolean;
}

interface ReductionSpec {
  name: string;
  /** Output dtype from the input's. */
  dtype: (input: DType) => DType;
  linear: boolean;
  init: number;
  combine: (acc: number, v: number) => number;
  finish?: (acc: number, count: number) => number;
  /** max/min have no identity: folding an empty axis is an error, as in numpy. */
  needsValues: boolean;
}

/** A fold over `axis` (int, negative, list or null = all) with numpy's `keepdims`. */
export function defineReduction(spec: ReductionSpec): OpDef<ReductionAttrs> {
  return defineOp<ReductionAttrs>({
    name: spec.name,
    category: 'reduction',
    arity: 1,
    linearIn: [spec.linear],
    jointlyLinear: spec.linear,
    normalize: (attrs, [x]) => ({
      axis: axesAttr(attrs['axis'], x?.shape.length ?? 0, spec.name),
      keepdims: boolAttr(attrs, 'keepdims', spec.name),
    }),
    shape: ([x], { axis, keepdims }) => {
      const shape = x?.shape ?? [];
      if (spec.needsValues && axis.some((a) => shape[a] === 0)) {
        throw new ShapeError(`${spec.name}: zero-size array of shape ${formatShape(shape)} has no ${spec.name} along axis ${axis.join(', ')}`);
      }
      return reducedShape(shape, axis, keepdims);
    },
    dtype: ([x]) => spec.dtype(x?.dtype ?? 'int'),
    evaluate: ([x], { axis }, out) => {
      if (!x) throw new GraphError(`${spec.name}: missing input`);
      return reduce(x, axis, out, spec.name, spec.init, spec.combine, spec.finish);
    },
  });
}
