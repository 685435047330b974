/**
 * @cml/tracer — numpy-style operations traced into a computation DAG.
 * No cryptography lives here: graphs are printed, evaluated in the clear and measured.
 */
export * from './errors.js';
export { NdArray, MAX_EXACT_INTEGER, type NestedNumbers, type ClearOperand } from './ndarray/ndarray.js';
export { array, fromNested, zeros, ones, full, arange } from './ndarray/constructors.js';
export type { DType } from './ndarray/dtype.js';
export { broadcastShapes } from './ndarray/broadcast.js';
export { slice, newaxis, ellipsis, type IndexItem, type Slice } from './api/indexing.js';
export type { Axis } from './api/methods.js';
export { opRegistry, getOp } from './ops/registry.js';
export { inferOp, evaluateOp } from './ops/evaluate-op.js';
export type { OpDef, OpCategory, ValueType, Attrs } from './ops/op.js';
export { isLinearIn } from './ops/op.js';
