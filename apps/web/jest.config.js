import { createRequire } from 'node:module';
import preset from '@cml/tooling/jest';

const require = createRequire(import.meta.url);

// e2e/ holds the browser end-to-end tests (headless Chromium against a real @cml/server).
// The server's fastify.inject dependency needs cookie@1 under Jest (see apps/server/jest.config.js).
export default {
  ...preset,
  testMatch: [...preset.testMatch, '<rootDir>/e2e/**/*.test.ts'],
  moduleNameMapper: { ...preset.moduleNameMapper, '^cookie$': require.resolve('cookie') },
};
