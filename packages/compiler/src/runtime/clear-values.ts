import { NdArray, array, formatShape, type ClearOperand } from '@cml/tracer';
import { CircuitUsageError, OutOfBoundsError } from '../errors.js';
import type { FheProgram } from '../program/program.js';

/**
 * The circuit's arguments: flat integer arrays for encrypted inputs (checked against their
 * compiled range), NdArrays for clear inputs; every shape is checked.
 */
export function flattenArguments(
  program: Pick<FheProgram, 'inputs'>,
  args: readonly ClearOperand[],
  where: string,
): (number[] | NdArray)[] {
  if (args.length !== program.inputs.length) {
    throw new CircuitUsageError(
      `${where}: expected ${program.inputs.length} argument(s) (${program.inputs.map((i) => i.name).join(', ')}), got ${args.length}`,
    );
  }
  return program.inputs.map((input, k) => {
    let value: NdArray;
    try {
      value = args[k] instanceof NdArray ? (args[k] as NdArray) : array(args[k] as ClearOperand);
    } catch (error) {
      throw new CircuitUsageError(
        `${where}: argument '${input.name}' is not an array of numbers: ${(error as Error).message}`,
      );
    }
    if (value.shape.join(',') !== input.shape.join(',')) {
      throw new CircuitUsageError(
        `${where}: argument '${input.name}' has shape ${formatShape(value.shape)}, expected ${formatShape(input.shape)}`,
      );
    }
    if (!input.encrypted)
      return new NdArray(
        Float64Array.from(value.data),
        input.shape,
        input.dtype === 'int' && value.dtype === 'int' ? 'int' : 'float',
        where,
      );
    return Array.from(value.data, (v) => {
      if (!Number.isInteger(v))
        throw new CircuitUsageError(
          `${where}: argument '${input.name}' holds ${v}, not an integer`,
        );
      if (v < input.min || v > input.max) {
        throw new OutOfBoundsError(
          `${where}: argument '${input.name}' holds ${v}, outside [${input.min}, ${input.max}], the integer type of the inputset the circuit was compiled with`,
        );
      }
      return v;
    });
  });
}

/** Reads a value the way decryption does: its P low bits, as two's complement when signed. */
export function decodeMessage(value: number, precision: number, signed: boolean): number {
  const size = 2 ** precision;
  const bits = ((value % size) + size) % size;
  return signed && bits >= size / 2 ? bits - size : bits;
}

/** Flat outputs as NdArrays of the outputs' shapes. */
export function outputArrays(
  program: Pick<FheProgram, 'outputs'>,
  flat: readonly (readonly number[])[],
): NdArray[] {
  return program.outputs.map(
    (output, k) =>
      new NdArray(Float64Array.from(flat[k] ?? []), output.shape, 'int', 'circuit output'),
  );
}
