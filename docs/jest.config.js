import preset from '@cml/tooling/jest';

export default preset;
