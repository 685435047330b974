export {
  lweCiphertextWords,
  glweCiphertextWords,
  ggswFourierBytes,
  ggswFourierPolynomialStride,
  bootstrapKeyFourierBytes,
  keyswitchKeyRowWords,
  keyswitchKeyBytes,
} from './sizes';
