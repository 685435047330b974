/**
 * The public API of @cml/compiler, as its users import it.
 *
 * @module @cml/compiler
 */
export * from '@cml/compiler';
