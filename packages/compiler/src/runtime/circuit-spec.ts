import type { ParameterSet } from '@cml/tfhe-wasm';
import type { FheProgram } from '../program/program.js';
import { fingerprint } from './fingerprint.js';

/** What the client needs of a circuit (no tables): inputs, outputs, precision, parameters. */
export interface ClientSpec {
  readonly format: 'cml-client';
  readonly circuit: string;
  readonly precision: number;
  readonly parameters: ParameterSet;
  readonly inputs: FheProgram['inputs'];
  readonly outputs: FheProgram['outputs'];
  /**
   * Whether the program bootstraps. Without lookups the evaluation keys hold no bootstrap or
   * keyswitch key (linear circuits: keygen in microseconds, 240 bytes sent). Absent in client
   * files written before it existed, where it means true.
   */
  readonly lookups?: boolean;
}

/** Whether a program has table lookups (and so needs bootstrap and keyswitch keys). */
export function hasLookups(program: Pick<FheProgram, 'instructions'>): boolean {
  return program.instructions.some((instruction) => instruction.kind === 'lookup');
}

/** What the server needs: the program and the parameters. Holds no secret. */
export interface ServerSpec {
  readonly format: 'cml-server';
  readonly circuit: string;
  readonly parameters: ParameterSet;
  readonly program: FheProgram;
}

export function circuitFingerprint(program: FheProgram, parameters: ParameterSet): string {
  return fingerprint(JSON.stringify({ program, parameters }));
}

export function clientSpec(program: FheProgram, parameters: ParameterSet): ClientSpec {
  return {
    format: 'cml-client',
    circuit: circuitFingerprint(program, parameters),
    precision: program.precision,
    parameters,
    inputs: program.inputs,
    outputs: program.outputs,
    lookups: hasLookups(program),
  };
}

export function serverSpec(program: FheProgram, parameters: ParameterSet): ServerSpec {
  return {
    format: 'cml-server',
    circuit: circuitFingerprint(program, parameters),
    parameters,
    program,
  };
}
