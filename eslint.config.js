export { default } from '@cml/tooling/eslint';
