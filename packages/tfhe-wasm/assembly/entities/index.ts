export {
  lweCiphertextWords,
  glweCiphertextWords,
  ggswFourierBytes,
  bootstrapKeyFourierBytes,
  keyswitchKeyRowWords,
  keyswitchKeyBytes,
} from './sizes';
