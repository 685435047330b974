import { createRequire } from 'node:module';
import preset from '@cml/tooling/jest';

const require = createRequire(import.meta.url);

// fastify.inject (light-my-request) requires cookie@2, which is ESM-only; Jest on Node 20
// cannot require() ESM, so tests get cookie@1.1 (CommonJS, same stringifySetCookie API).
export default {
  ...preset,
  moduleNameMapper: { ...preset.moduleNameMapper, '^cookie$': require.resolve('cookie') },
};
