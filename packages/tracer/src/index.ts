/**
 * @cml/tracer — numpy-style operations traced into a computation DAG.
 * No cryptography lives here: graphs are printed, evaluated in the clear and measured.
 */
export * from './errors.js';
export { NdArray, MAX_EXACT_INTEGER, type NestedNumbers, type ClearOperand } from './ndarray/ndarray.js';
export { array, fromNested, zeros, ones, full, arange } from './ndarray/constructors.js';
export type { DType } from './ndarray/dtype.js';
export { broadcastShapes } from './ndarray/broadcast.js';
export { formatShape } from './ndarray/shape.js';
export {
  slice,
  newaxis,
  ellipsis,
  type IndexItem,
  type Slice,
  type CanonicalIndexItem,
  type NewAxis,
  type Ellipsis,
} from './api/indexing.js';
export { ArrayMethods, type Axis } from './api/methods.js';
export type { TracedValue } from './api/tracer-brand.js';
export type { Operand, OperandKind, ResultOf } from './api/result-type.js';
export { np, type ConvOptions, type PoolOptions } from './api/np.js';
export {
  LookupTable,
  univariate,
  roundBitPattern,
  truncateBitPattern,
  type LookupTableEntries,
  type LookupTableGrid,
} from './api/extensions.js';
export { opRegistry, getOp } from './ops/registry.js';
export { inferOp, evaluateOp, type InferredOp } from './ops/evaluate-op.js';
export { isLinearIn, type OpDef, type OpCategory, type ValueType, type Attrs } from './ops/op.js';
export { Tracer } from './tracing/tracer.js';
export { trace, type InputSpec, type TraceOptions } from './tracing/trace.js';
export type { Sample } from './tracing/inputs.js';
export { INPUT_OP, CONSTANT_OP, inputName, consumersOf, type Graph, type GraphNode } from './graph/graph.js';
export { evaluate, evaluateAll, inputNames, type GraphArguments } from './graph/evaluate.js';
export { checkGraph, createGraph } from './graph/check.js';
export { serializeGraph, deserializeGraph } from './graph/serialize.js';
export { measureBounds, integerTypeFor, type NodeBounds } from './graph/bounds.js';
export { format, formatExpression, formatValueType } from './graph/format.js';
export { toDot } from './graph/dot.js';
export { toSvg } from './graph/svg.js';
