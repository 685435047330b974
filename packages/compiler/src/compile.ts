import {
  evaluateAll,
  measureBounds,
  trace,
  type Graph,
  type InputSpec,
  type NdArray,
  type Sample,
  type TraceOptions,
  type Tracer,
} from '@cml/tracer';
import { Circuit } from './circuit.js';
import { resolveConfig, type CompilationConfig } from './config.js';
import { UnsupportedOperationError } from './errors.js';
import { chooseParameters } from './parameters.js';
import { eliminateCommonSubexpressions } from './passes/common-subexpressions.js';
import { constantValue, foldConstants } from './passes/constant-folding.js';
import { eliminateDeadNodes } from './passes/dead-nodes.js';
import { expandEncryptedProducts } from './passes/encrypted-products.js';
import { lowerToProgram } from './passes/lower.js';
import { planMaterialization } from './passes/materialize.js';
import { noiseNorms } from './passes/noise-norms.js';
import type { FheProgram } from './program/program.js';
import { scheduleLookups } from './program/schedule.js';
import { circuitStatistics } from './program/statistics.js';
import { hasLookups } from './runtime/circuit-spec.js';

/**
 * Graph passes that need no bounds: encrypted x encrypted matrix products as multiply + sum,
 * constant folding, common subexpressions, dead nodes.
 */
export function optimizeGraph(graph: Graph): Graph {
  return eliminateDeadNodes(
    eliminateCommonSubexpressions(foldConstants(expandEncryptedProducts(graph))),
  );
}

/**
 * Compiles a traced graph: optimizes it, measures bounds on the inputset, fuses and lowers it
 * to an FHE program, and chooses 128-bit parameters for its precision and noise.
 */
export function compileGraph(
  graph: Graph,
  inputset: Iterable<Sample>,
  config: CompilationConfig = {},
): Circuit {
  const resolved = resolveConfig(config);
  const optimized = optimizeGraph(graph);
  const samples = [...inputset];
  const bounds = measureBounds(optimized, samples);
  const clearValue = (id: number): NdArray => {
    if (optimized.nodes[id]?.op !== 'constant')
      throw new UnsupportedOperationError(`node %${id} is a clear value computed at run time`);
    return constantValue(optimized, id);
  };
  const plans = planMaterialization(optimized, clearValue);
  const sampleValues = (): NdArray[][] => samples.map((sample) => evaluateAll(optimized, sample));
  const program = scheduleLookups(
    lowerToProgram({
      graph: optimized,
      bounds,
      plans,
      clearValue,
      sampleValues,
      maxPrecision: resolved.maxPrecision,
      approximateRounding: resolved.rounding === 'approximate',
    }),
  );
  const norms = noiseNorms(program);
  const lookups = program.instructions.reduce(
    (n, i) => n + (i.kind === 'lookup' ? i.element.length : 0),
    0,
  );
  const choice = chooseParameters({
    precision: program.precision,
    lookupPrecision: lookupPrecision(program, resolved.rounding),
    maxNorm2: norms.maxLookupNorm2,
    lookups,
    outputNorm2: norms.maxOutputNorm2,
    outputs: program.outputs.reduce((n, o) => n + o.shape.reduce((a, b) => a * b, 1), 0),
    pError: resolved.pError,
    globalPError: resolved.globalPError,
    roundedLookupsInExactMode:
      resolved.rounding === 'exact' &&
      program.instructions.some((i) => i.kind === 'lookup' && i.roundedBits > 0),
  });
  const statistics = circuitStatistics(
    program,
    choice.parameters,
    {
      maxNorm2: norms.maxLookupNorm2,
      log2PError: choice.log2PError,
      globalPError: choice.globalPError,
    },
    {
      lookupMs: choice.report.cost.lookupMs,
      // A circuit without lookups generates neither key (see Client.keygen).
      bootstrapKeyBytes: hasLookups(program) ? choice.report.keySizes.bootstrapKeyBytes : 0,
      keyswitchKeyBytes: hasLookups(program) ? choice.report.keySizes.keyswitchKeyBytes : 0,
    },
    resolved.rounding,
  );
  return new Circuit({
    graph: optimized,
    bounds,
    program,
    parameters: choice.parameters,
    parameterReport: choice.report,
    statistics,
    config: resolved,
  });
}

/**
 * Traces `fn` with the given encrypted/clear spec (shapes from the inputset's first sample)
 * and compiles it. `compile((x) => np.relu(x.sub(3)), { x: 'encrypted' }, [[0, 1], [5, 7]])`.
 */
export function compile(
  fn: (...inputs: Tracer[]) => unknown,
  spec: InputSpec,
  inputset: readonly Sample[],
  config: CompilationConfig & { readonly trace?: TraceOptions } = {},
): Circuit {
  const graph = trace(fn, spec, { inputset, ...config.trace });
  return compileGraph(graph, inputset, config);
}

/** The noise margin lookups need: P, or in approximate rounding mode the bits each lookup's bootstrap reads. */
function lookupPrecision(program: FheProgram, rounding: 'exact' | 'approximate'): number {
  // No lookup: the parameters only need to decrypt the linear results (no bootstrap margin).
  if (!program.instructions.some((instruction) => instruction.kind === 'lookup')) return 0;
  if (rounding === 'exact') return program.precision;
  let bits = 0;
  for (const instruction of program.instructions) {
    if (instruction.kind === 'lookup')
      bits = Math.max(bits, instruction.tableBits ?? program.precision);
  }
  return bits === 0 ? program.precision : bits;
}
