export { seededGgswEncryptFourier, seededGgswExpandFourier, seededKeyswitchKeyExpand } from './seeded-keys';
