import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

/** Lints `code` as if it were the file at `path` (relative to the repo root). */
async function ruleIdsFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('architecture lint rules', () => {
  it('forbids a lower layer importing a higher one', async () => {
    const code = "import { compile } from '@cml/compiler';\nexport const c = compile;\n";
    expect(await ruleIdsFor('packages/tracer/src/bad.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('packages/tfhe-wasm/src/bad.ts', code)).toContain('no-restricted-imports');
  });

  it('forbids sideways imports between the two bottom layers', async () => {
    const code = "import { trace } from '@cml/tracer';\nexport const t = trace;\n";
    expect(await ruleIdsFor('packages/tfhe-wasm/src/bad.ts', code)).toContain('no-restricted-imports');
  });

  it('allows the compiler to import the layers below it', async () => {
    const code = "import { trace } from '@cml/tracer';\nimport { initTfhe } from '@cml/tfhe-wasm';\nexport const x = [trace, initTfhe];\n";
    expect(await ruleIdsFor('packages/compiler/src/ok.ts', code)).toEqual([]);
  });

  it("forbids reaching into another package's src/, by name or by path", async () => {
    const byName = "import { x } from '@cml/tracer/src/ndarray.js';\nexport const y = x;\n";
    const byPath = "import { x } from '../../tracer/src/ndarray.js';\nexport const y = x;\n";
    expect(await ruleIdsFor('packages/compiler/src/bad.ts', byName)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('packages/compiler/src/bad.ts', byPath)).toContain('no-restricted-imports');
  });

  it('forbids Math.random in the TFHE core, its AssemblyScript and the compiler', async () => {
    const code = 'export const noise = Math.random();\n';
    for (const path of [
      'packages/tfhe-wasm/src/bad.ts',
      'packages/tfhe-wasm/assembly/bad.ts',
      'packages/compiler/src/bad.ts',
    ]) {
      expect(await ruleIdsFor(path, code)).toContain('no-restricted-properties');
    }
  });

  it('parses AssemblyScript decorators and still finds Math.random behind them', async () => {
    const code = '@inline\nexport function noise(): f64 {\n  return Math.random();\n}\n';
    expect(await ruleIdsFor('packages/tfhe-wasm/assembly/bad.ts', code)).toEqual(['no-restricted-properties']);
    const clean = '@inline\nexport function twice(x: i32): i32 {\n  return x << 1;\n}\n';
    expect(await ruleIdsFor('packages/tfhe-wasm/assembly/ok.ts', clean)).toEqual([]);
  });

  it('leaves Math.random alone outside cryptographic code', async () => {
    const code = 'export const shuffleSeed = Math.random();\n';
    expect(await ruleIdsFor('packages/ml/src/ok.ts', code)).toEqual([]);
  });
});
