/**
 * The monorepo's ESLint flat config. Besides the usual TypeScript hygiene it enforces the
 * architecture: the layer graph (which @cml package may import which), no reaching into
 * another package's `src/`, and no `Math.random` anywhere near cryptography.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import * as assemblyScriptParser from './assemblyscript-parser.js';

const APPS = ['@cml/cli', '@cml/server', '@cml/web'];

/** What each layer must not import (everything above it, and its siblings where the graph says so). */
export const forbiddenImports = {
  'packages/tracer': ['@cml/tfhe-wasm', '@cml/compiler', '@cml/ml', ...APPS],
  'packages/tfhe-wasm': ['@cml/tracer', '@cml/compiler', '@cml/ml', ...APPS],
  'packages/compiler': ['@cml/ml', ...APPS],
  'packages/ml': APPS,
  // The CLI is the top: `cml serve` composes the server with the built web client.
  'apps/cli': [],
  'apps/server': ['@cml/cli', '@cml/web'],
  'apps/web': ['@cml/cli', '@cml/server'],
};

/** Browser end-to-end tests of the web client start a real server (a dev dependency). */
const WEB_E2E = 'apps/web/e2e';

/** Reaching into another package's sources, by name or by relative path. */
const sourceReachPatterns = [
  {
    regex: '^@cml/[^/]+/(src|assembly)(/|$)',
    message: "Import the package's public entry point, never its src/.",
  },
  {
    regex: '^(\\.\\./)+(packages|apps|tooling)/',
    message: 'Import another package by its name (@cml/...), never by a relative path.',
  },
  {
    regex: '^(\\.\\./){2,}[^/.][^/]*/(src|assembly)(/|$)',
    message: "Import another package by its name (@cml/...), never its src/.",
  },
];

const noMathRandom = {
  'no-restricted-properties': [
    'error',
    {
      object: 'Math',
      property: 'random',
      message:
        'Math.random is not a CSPRNG: cryptographic and compiler code takes randomness from the ChaCha20 CSPRNG only.',
    },
  ],
};

function layerRules(dir, forbidden) {
  return {
    files: [`${dir}/**/*.ts`, `${dir}/**/*.tsx`, `${dir}/**/*.js`, `${dir}/**/*.mjs`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbidden.map((name) => ({
            name,
            message: `${dir} must not import ${name}: layers never import upward or sideways (docs/architecture.md).`,
          })),
          patterns: [
            ...forbidden.map((name) => ({
              group: [`${name}/*`],
              message: `${dir} must not import ${name}: layers never import upward or sideways (docs/architecture.md).`,
            })),
            ...sourceReachPatterns,
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.turbo/**',
      '**/test-results/**',
      '**/coverage/**',
      'packages/tfhe-wasm/assembly/**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...Object.entries(forbiddenImports).map(([dir, forbidden]) => layerRules(dir, forbidden)),
  { ...layerRules(WEB_E2E, ['@cml/cli']) },
  {
    files: ['tooling/**/*', '*.js'],
    rules: { 'no-restricted-imports': ['error', { patterns: sourceReachPatterns }] },
  },
  { files: ['packages/tfhe-wasm/**/*', 'packages/compiler/**/*'], rules: noMathRandom },
  {
    // AssemblyScript: TypeScript syntax with WASM value types and builtins; lint only what
    // applies (no Math.random), not JavaScript idioms it cannot use.
    files: ['packages/tfhe-wasm/assembly/**/*.ts'],
    languageOptions: { parser: assemblyScriptParser },
    rules: {
      'no-undef': 'off',
      // `// @ts-ignore: decorator` is the AssemblyScript idiom that keeps editors quiet about @inline.
      '@typescript-eslint/ban-ts-comment': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
      'prefer-const': 'off',
      'no-constant-condition': 'off',
      ...noMathRandom,
    },
  },
  prettier,
);
