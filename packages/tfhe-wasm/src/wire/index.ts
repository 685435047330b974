export { crc64 } from './crc64.js';
export {
  decodeFrame,
  encodeFrame,
  FORMAT_VERSION,
  FrameKind,
  MAX_SECTIONS,
  peekFrameKind,
  SEED_SECTION_BYTES,
  type DecodedFrame,
  type ExpectedSection,
  type Section,
  type SectionType,
} from './frame.js';
export { parameterFingerprint } from './parameter-record.js';
export { DeserializationError, SerializationError, type DeserializationFailure } from './wire-errors.js';
