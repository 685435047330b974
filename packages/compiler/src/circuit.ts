import { format, type ClearOperand, type Graph, type NdArray, type NodeBounds } from '@cml/tracer';
import { WorkerPool, type ParameterSet } from '@cml/tfhe-wasm';
import type { ResolvedConfig } from './config.js';
import type { OptimizationReport } from './optimizer/index.js';
import { clearBackend } from './program/clear-backend.js';
import { interpret } from './program/interpreter.js';
import type { FheProgram } from './program/program.js';
import { simulateBackend, type SimulationOptions } from './program/simulate-backend.js';
import type { CircuitStatistics } from './program/statistics.js';
import { clientSpec, serverSpec } from './runtime/circuit-spec.js';
import { Client } from './runtime/client.js';
import { disposeEncrypted, type EncryptedValues } from './runtime/encrypted-values.js';
import { loadTfhe } from './runtime/fhe-backend.js';
import { Server } from './runtime/server.js';
import { decodeMessage, flattenArguments, outputArrays } from './runtime/clear-values.js';
import { checkOutputRanges } from './program/output-range.js';

export interface CircuitParts {
  readonly graph: Graph;
  readonly bounds: readonly NodeBounds[];
  readonly program: FheProgram;
  readonly parameters: ParameterSet;
  readonly parameterReport: OptimizationReport;
  readonly statistics: CircuitStatistics;
  readonly config: ResolvedConfig;
}

/**
 * A compiled function: its optimized graph, FHE program and parameters. Runs in the clear
 * (`clear`), on simulated encodings (`simulate`), or encrypted. Every method returns one
 * NdArray per output of the function.
 */
export class Circuit {
  readonly graph: Graph;
  readonly bounds: readonly NodeBounds[];
  readonly program: FheProgram;
  readonly parameters: ParameterSet;
  /** The optimizer's account of the parameters: security, modelled failure probabilities and costs. */
  readonly parameterReport: OptimizationReport;
  readonly statistics: CircuitStatistics;
  readonly config: ResolvedConfig;
  /** The deployment halves: `client` keeps the keys, `server` holds the program and no secret. */
  readonly client: Client;
  readonly server: Server;

  constructor(parts: CircuitParts) {
    this.graph = parts.graph;
    this.bounds = parts.bounds;
    this.program = parts.program;
    this.parameters = parts.parameters;
    this.parameterReport = parts.parameterReport;
    this.statistics = parts.statistics;
    this.config = parts.config;
    this.client = new Client(clientSpec(this.program, this.parameters));
    this.server = new Server(serverSpec(this.program, this.parameters));
  }

  private pool: WorkerPool | undefined;

  /** Generates fresh keys for this circuit (reports progress through config.onProgress / showProgress). */
  async keygen(): Promise<void> {
    if (this.config.poolSize > 0) await loadTfhe(true);
    await this.client.keygen((phase, done) => this.progress(phase, done));
  }

  encrypt(...args: ClearOperand[]): EncryptedValues {
    return this.client.encrypt(...args);
  }

  /** Runs the program on ciphertexts with this circuit's evaluation keys. */
  async run(args: EncryptedValues): Promise<EncryptedValues> {
    if (this.config.poolSize > 0)
      this.pool ??= await WorkerPool.create({ poolSize: this.config.poolSize });
    return this.server.run(args, this.client.evaluationKeys, {
      ...(this.pool ? { pool: this.pool } : {}),
      onProgress: (done) => this.progress('run', done),
    });
  }

  /** Frees the keys and stops the worker pool. */
  async dispose(): Promise<void> {
    this.client.dispose();
    await this.pool?.terminate();
    this.pool = undefined;
  }

  decrypt(results: EncryptedValues): NdArray[] {
    return this.client.decrypt(results);
  }

  /** encrypt -> run -> decrypt (generating keys first if needed); frees the ciphertexts. */
  async encryptRunDecrypt(...args: ClearOperand[]): Promise<NdArray[]> {
    if (!this.client.hasKeys) await this.keygen();
    const encrypted = this.encrypt(...args);
    try {
      const results = await this.run(encrypted);
      try {
        return this.decrypt(results);
      } finally {
        disposeEncrypted(results);
      }
    } finally {
      disposeEncrypted(encrypted);
    }
  }

  private progress(phase: string, done: number): void {
    this.config.onProgress?.(phase, done);
    if (this.config.showProgress) console.error(`[cml] ${phase} ${Math.round(done * 100)}%`);
  }

  /**
   * Exact integer execution of the program (inputs outside the compiled range, and outputs
   * outside the P bits a ciphertext carries, throw OutOfBoundsError).
   */
  clear(...args: ClearOperand[]): NdArray[] {
    const inputs = flattenArguments(this.program, args, 'clear');
    const flat = interpret(this.program, inputs, clearBackend(this.program.precision));
    checkOutputRanges(this.program, flat);
    return outputArrays(this.program, flat);
  }

  /**
   * The program on clear integers with the ciphertexts' encodings: values modulo 2^(P+1),
   * outputs read from their P low bits. `options` control overflow handling and error injection.
   */
  simulate(...args: ClearOperand[]): NdArray[] {
    return this.simulateWith({}, ...args);
  }

  simulateWith(options: SimulationOptions, ...args: ClearOperand[]): NdArray[] {
    const { precision } = this.program;
    const inputs = flattenArguments(this.program, args, 'simulate');
    // The simulation keeps residues as a ciphertext does, so an output that left its P bits
    // cannot be seen there: the exact run checks first (and reports lookups out of range).
    if (options.onOverflow !== 'wrap') {
      checkOutputRanges(this.program, interpret(this.program, inputs, clearBackend(precision)));
    }
    const pError = options.pError === 'circuit' ? 2 ** this.statistics.log2PError : options.pError;
    const flat = interpret(
      this.program,
      inputs,
      simulateBackend(precision, { ...options, ...(pError === undefined ? {} : { pError }) }),
    );
    const decoded = flat.map((values, k) =>
      values.map((v) => decodeMessage(v, precision, this.program.outputs[k]?.signed ?? false)),
    );
    return outputArrays(this.program, decoded);
  }

  /** The optimized graph with bit-widths, then the program's size and the parameters. */
  toString(): string {
    const s = this.statistics;
    const p = this.parameters;
    const widths = this.graph.nodes
      .filter((node) => node.encrypted)
      .map((node) => {
        const b = this.bounds[node.id];
        const type =
          b?.bitWidth === undefined ? 'float' : `${b.signed ? 'int' : 'uint'}${b.bitWidth}`;
        return `  %${node.id} ${node.op}: ${type} in [${b?.min}, ${b?.max}]`;
      });
    return [
      format(this.graph),
      'bit-widths:',
      ...widths,
      `message width P = ${this.program.precision} bits; ${s.lookups} lookups (${s.tables} tables), ${s.linearInstructions} linear steps, max 2-norm ${s.maxNorm2.toFixed(2)}`,
      `parameters ${p.name}: n=${p.lweDimension} k=${p.glweDimension} N=${p.polynomialSize} PBS ${p.pbsBaseLog}/${p.pbsLevel} KS ${p.ksBaseLog}/${p.ksLevel}; ` +
        `p_error 2^${s.log2PError.toFixed(1)} per lookup, ${s.globalPError.toExponential(2)} per run`,
      `keys: bootstrap ${(s.bootstrapKeyBytes / 2 ** 20).toFixed(1)} MiB, keyswitch ${(s.keyswitchKeyBytes / 2 ** 20).toFixed(1)} MiB; ` +
        `estimated ${s.estimatedLatencyMs.toFixed(0)} ms per run on one thread`,
    ].join('\n');
  }
}
