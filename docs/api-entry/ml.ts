/**
 * The public API of @cml/ml, as its users import it.
 *
 * @module @cml/ml
 */
export * from '@cml/ml';
