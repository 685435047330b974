import preset from '@cml/tooling/jest';

export default { ...preset, testMatch: ['<rootDir>/src/**/*.long.test.ts'] };
