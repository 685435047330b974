/**
 * @cml/tracer — numpy-style operations traced into a computation DAG.
 * No cryptography lives here: graphs are printed, evaluated in the clear and measured.
 */
export { broadcastShapes, ShapeError } from './broadcast.js';
