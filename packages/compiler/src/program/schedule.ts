import { encryptedReads } from './interpreter.js';
import type { FheProgram, Instruction } from './program.js';

/**
 * Reorders instructions so that lookups of the same depth (number of lookups on the longest
 * path from the inputs) are consecutive: they are independent of each other, so the FHE back
 * end runs each such run as one batch (one worker-pool call). Clear-side steps come first;
 * a linear step comes after the lookups it reads and before the lookups reading it. The
 * order stays topological and the order within a depth is kept (a stable sort).
 */
export function scheduleLookups(program: FheProgram): FheProgram {
  const depth = new Map<number, number>();
  const key = (instruction: Instruction): number => {
    if (instruction.kind === 'constant' || instruction.kind === 'clear') return -1;
    const inputDepth = Math.max(0, ...encryptedReads(instruction).map((id) => depth.get(id) ?? 0));
    const own = instruction.kind === 'lookup' ? inputDepth + 1 : inputDepth;
    depth.set(instruction.output, own);
    // Linear steps of depth d sort before lookups reading them (d + 0.5) and after lookups of depth d.
    return instruction.kind === 'lookup' ? own - 0.5 : own;
  };
  const keyed = program.instructions.map((instruction, index) => ({
    instruction,
    index,
    key: key(instruction),
  }));
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return { ...program, instructions: keyed.map((k) => k.instruction) };
}
