/**
 * @cml/compiler — graph passes, parameter choice, lowering to TFHE programs, and the
 * Circuit / Client / Server runtime. Built on @cml/tracer and @cml/tfhe-wasm.
 */
export { compile, compileGraph, optimizeGraph } from './compile.js';
export { Circuit, type CircuitParts } from './circuit.js';
export { type CompilationConfig, type ResolvedConfig } from './config.js';
export * from './optimizer/index.js';
export * from './errors.js';
export { chooseParameters, type ParameterChoice, type ParameterConstraints } from './parameters.js';
export type {
  ClearInstruction,
  ClearLinearInstruction,
  ConstantInstruction,
  FheProgram,
  Instruction,
  LinearInstruction,
  LookupInstruction,
  ProgramInput,
  ProgramOutput,
  ProgramValue,
} from './program/program.js';
export { interpret, type Backend } from './program/interpreter.js';
export type { SimulationOptions } from './program/simulate-backend.js';
export type { CircuitStatistics } from './program/statistics.js';
export { foldConstants } from './passes/constant-folding.js';
export { eliminateCommonSubexpressions } from './passes/common-subexpressions.js';
export { eliminateDeadNodes } from './passes/dead-nodes.js';
export { SeededRandom } from './program/seeded-random.js';
export { broadcastShapes } from '@cml/tracer';
export { initTfhe } from '@cml/tfhe-wasm';
export { Client } from './runtime/client.js';
export { Server } from './runtime/server.js';
export { disposeEncrypted, type EncryptedValues } from './runtime/encrypted-values.js';
export type { SeededCiphertexts } from './runtime/seeded-ciphertexts.js';
export { serializeEncrypted, deserializeEncrypted } from './runtime/ciphertext-bytes.js';
export { loadTfhe } from './runtime/fhe-backend.js';
export type { ClientSpec, ServerSpec } from './runtime/circuit-spec.js';
