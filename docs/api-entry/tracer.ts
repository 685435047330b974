/**
 * The public API of @cml/tracer, as its users import it.
 *
 * @module @cml/tracer
 */
export * from '@cml/tracer';
