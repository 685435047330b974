import preset from '@cml/tooling/jest';

// *.long.test.ts (the full repeated-CV protocols) run only under `pnpm test:long`.
export default { ...preset, testPathIgnorePatterns: ['/node_modules/', '\\.long\\.test\\.ts$'] };
