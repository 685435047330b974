import {
  DeserializationError,
  EvaluationKeys,
  ParameterMismatchError,
  type LweCiphertext,
  type WorkerPool,
} from '@cml/tfhe-wasm';
import { NdArray } from '@cml/tracer';
import { CircuitMismatchError, CircuitUsageError, CorruptedDataError } from '../errors.js';
import { interpretAsync } from '../program/interpreter.js';
import { hasLookups, type ServerSpec } from './circuit-spec.js';
import type { EncryptedValues } from './encrypted-values.js';
import { fheBackend, loadTfhe } from './fhe-backend.js';
import { keyId } from './fingerprint.js';
import { packFrame, unpackFrame } from './frame.js';

/**
 * The server side: the FHE program and its parameters, no secret. Runs encrypted arguments
 * with the client's evaluation keys. In FHE mode no range check is possible: an argument
 * outside the compiled range gives a wrong (wrapped) result, as `simulateWith({ onOverflow:
 * 'wrap' })` reproduces.
 */
export class Server {
  constructor(readonly spec: ServerSpec) {}

  serialize(): Uint8Array {
    return packFrame('server', { spec: this.spec });
  }

  static load(bytes: Uint8Array): Server {
    const { header } = unpackFrame<{ spec: ServerSpec }>(bytes, 'server');
    if (header.spec?.format !== 'cml-server')
      throw new CorruptedDataError('the server bytes hold no server specification');
    return new Server(header.spec);
  }

  /**
   * Reads evaluation keys a client serialized (`client.serializeEvaluationKeys()`). Keys for
   * another parameter set are refused with CircuitMismatchError; damaged bytes with
   * CorruptedDataError. The caller owns the result (`dispose()` it when done).
   */
  async loadEvaluationKeys(bytes: Uint8Array): Promise<EvaluationKeys> {
    await loadTfhe();
    try {
      return EvaluationKeys.deserialize(bytes, this.spec.parameters);
    } catch (error) {
      if (error instanceof ParameterMismatchError) {
        throw new CircuitMismatchError(`evaluation keys: ${error.message}`);
      }
      if (error instanceof DeserializationError) {
        if (error.reason === 'parameter-mismatch') throw new CircuitMismatchError(`evaluation keys: ${error.message}`);
        throw new CorruptedDataError(`evaluation keys: ${error.message}`);
      }
      throw error;
    }
  }

  /**
   * Runs the program on encrypted arguments (and clear ones) with the client's evaluation
   * keys. `pool` spreads each lookup instruction's bootstraps over worker threads;
   * `onProgress(done)` reports the fraction of instructions done.
   */
  async run(
    args: EncryptedValues,
    keys: EvaluationKeys,
    options: { pool?: WorkerPool; onProgress?: (done: number) => void } = {},
  ): Promise<EncryptedValues> {
    await loadTfhe();
    const { program, parameters, circuit } = this.spec;
    if (args.circuit !== circuit)
      throw new CircuitMismatchError(
        `arguments were encrypted for circuit ${args.circuit}, this server runs ${circuit}`,
      );
    if (keys.params.name !== parameters.name) {
      throw new CircuitMismatchError(
        `evaluation keys for parameters ${keys.params.name}, this circuit uses ${parameters.name}`,
      );
    }
    if (!keys.lookups && hasLookups(program)) {
      throw new CircuitMismatchError(
        'evaluation keys generated without a bootstrap key (lookups: false); this circuit has table lookups',
      );
    }
    const id = keyId(keys.maskSeed);
    if (args.keys !== id)
      throw new CircuitMismatchError(
        `arguments were encrypted under keys ${args.keys}, the evaluation keys given are ${id}`,
      );
    if (args.ciphertexts.length !== program.inputs.length) {
      throw new CircuitUsageError(
        `run: expected ${program.inputs.length} encrypted arguments, got ${args.ciphertexts.length}`,
      );
    }
    const inputs = program.inputs.map((input, k): readonly LweCiphertext[] | NdArray => {
      const size = input.shape.reduce((a, b) => a * b, 1);
      if (!input.encrypted) {
        const values = args.clear?.[k];
        if (!values || values.length !== size)
          throw new CircuitUsageError(
            `run: clear argument '${input.name}' needs ${size} values, got ${values?.length ?? 'none'}`,
          );
        const dtype = input.dtype === 'int' && values.every(Number.isInteger) ? 'int' : 'float';
        return new NdArray(Float64Array.from(values), input.shape, dtype, 'run');
      }
      if (args.ciphertexts[k]?.length !== size)
        throw new CircuitUsageError(
          `run: argument '${input.name}' needs ${size} ciphertexts, got ${args.ciphertexts[k]?.length}`,
        );
      return args.ciphertexts[k] as readonly LweCiphertext[];
    });
    const zero = args.ciphertexts.find((list) => list.length > 0)?.[0] as LweCiphertext;
    // The interpreter returns input ciphertexts themselves when an output is an input: copy them.
    const owned = new Set(args.ciphertexts.flat());
    const backend = fheBackend(keys, program.precision, zero, options.pool);
    const flat = await interpretAsync(program, inputs, backend, (done, total) =>
      options.onProgress?.(done / total),
    );
    const outputs = flat.map((list) => list.map((ct) => (owned.has(ct) ? ct.clone() : ct)));
    return { circuit, keys: id, shapes: program.outputs.map((o) => o.shape), ciphertexts: outputs };
  }
}
