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
