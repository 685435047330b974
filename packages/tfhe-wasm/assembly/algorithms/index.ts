export { decompositionInitState, decompositionInitStates, decompositionNextDigitsF64, decompositionNextDigitsTwisted } from './decomposition';
export { cmuxNextDigitsTwisted, rotationDifferenceDigitsTwisted } from './cmux-digits';
export { polynomialMulByMonomial, rotationDifferenceToStates, exactProductScratchBytes, glweMaskKeyProductAddExact } from './polynomial';
export { lweMaskKeyDot, lweEncrypt, lweDecryptPhase } from './lwe-encryption';
export {
  lweAddAssign,
  lweSubAssign,
  lweNegAssign,
  lweScalarMulAssign,
  lweAddPlaintextAssign,
  lweDotProduct,
  lweMatrixVectorProduct,
} from './lwe-linear';
export { glweEncrypt, glweDecryptPhase, glweKeyToFourier } from './glwe-encryption';
export { ggswEncryptScratchBytes, ggswEncryptFourier } from './bootstrap-key';
export { keyswitchKeyGenerateScratchBytes, keyswitchKeyGenerate, keyswitchLweCiphertext } from './keyswitch';
export { externalProductScratchBytes, externalProductAdd } from './external-product';
export { blindRotateScratchBytes, cmuxRotate, blindRotate } from './blind-rotation';
export { modulusSwitchCentered } from './modulus-switch';
export { glweSampleExtract } from './sample-extract';
export { lookupTableFill } from './lookup-table';
export {
  programmableBootstrapScratchBytes,
  programmableBootstrap,
  keyswitchBootstrapScratchBytes,
  keyswitchThenBootstrap,
} from './programmable-bootstrap';
export {
  keyswitchBootstrapPairScratchBytes,
  keyswitchLweCiphertextPair,
  blindRotatePair,
  keyswitchThenBootstrapPair,
} from './paired-bootstrap';
export { keyswitchBootstrapSplitScratchBytes, keyswitchThenBootstrapSplit } from './split-bootstrap';
export { multiBitBootstrapKeyBytes, multiBitBootstrapKeyGenerate } from './multi-bit-key';
export { multiBitExternalProductK1ScratchBytes, multiBitExternalProductAddK1 } from './multi-bit-external-product';
export { multiBitBlindRotateScratchBytes, multiBitGroupFactors, multiBitCombineGgsw, multiBitBlindRotate } from './multi-bit-blind-rotation';
export {
  multiBitProgrammableBootstrapScratchBytes,
  multiBitProgrammableBootstrap,
  multiBitKeyswitchBootstrapScratchBytes,
  multiBitKeyswitchThenBootstrap,
} from './multi-bit-bootstrap';
