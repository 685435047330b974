/**
 * Shared Jest preset: native ESM (run through `cml-jest`, which passes
 * --experimental-vm-modules), TypeScript compiled by SWC, workspace packages resolved
 * to their sources through the `source` export condition so tests never need a
 * cross-package `src/` import.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['source', 'node'] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      require.resolve('@swc/jest'),
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  testTimeout: 120_000,
};
