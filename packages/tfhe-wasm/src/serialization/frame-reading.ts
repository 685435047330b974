/**
 * What every deserializer does after decodeFrame: settle the parameter set the object will
 * carry, and take its sections one by one with their type and length checked.
 */
import { InvalidParameterError } from '../errors.js';
import type { ParameterSet } from '../params/parameter-set.js';
import { parameterSets } from '../params/presets.js';
import { validateParameterSet } from '../parameters-check.js';
import type { DecodedFrame, Section, SectionType } from '../wire/frame.js';
import { parameterFingerprint } from '../wire/parameter-record.js';
import { DeserializationError } from '../wire/wire-errors.js';

/**
 * The parameter set of a decoded frame: `expected` when the caller gave one (decodeFrame has
 * checked the fingerprints match), else the published preset with the same fingerprint (so
 * the object carries the preset itself, name and recorded p_fail included), else the set
 * recorded in the frame. Sets the kernels cannot run are rejected as malformed input.
 */
export function frameParameters(frame: DecodedFrame, expected: ParameterSet | undefined): ParameterSet {
  const params = expected ?? presetWithFingerprint(frame.fingerprint) ?? frame.params;
  try {
    validateParameterSet(params);
  } catch (error) {
    if (error instanceof InvalidParameterError) throw new DeserializationError('malformed', error.message);
    throw error;
  }
  return params;
}

function presetWithFingerprint(fingerprint: Uint8Array): ParameterSet | undefined {
  return parameterSets.find((preset) => parameterFingerprint(preset).every((byte, i) => byte === fingerprint[i]));
}

type SectionData<T extends SectionType> = Extract<Section, { type: T }>['data'];

/** Section `index` of the frame, which must be of `type` with `length` elements. */
export function sectionData<T extends SectionType>(frame: DecodedFrame, index: number, type: T, length: number, what: string): SectionData<T> {
  const section = frame.sections[index];
  if (section === undefined) throw new DeserializationError('length-mismatch', `missing section ${index} (${what})`);
  if (section.type !== type) throw new DeserializationError('malformed', `section ${index} (${what}): expected ${type}, got ${section.type}`);
  if (section.data.length !== length) {
    throw new DeserializationError('length-mismatch', `section ${index} (${what}): expected ${length} elements, got ${section.data.length}`);
  }
  return section.data as SectionData<T>;
}

/** Rejects a frame whose section count is not `count` (`alternative` names another count its format allows). */
export function expectSectionCount(frame: DecodedFrame, count: number, alternative?: string): void {
  if (frame.sections.length !== count) {
    const or = alternative === undefined ? '' : ` (or ${alternative})`;
    throw new DeserializationError('length-mismatch', `expected ${count} sections${or}, got ${frame.sections.length}`);
  }
}
