import { describe, expect, it } from '@jest/globals';
import { pickSamples, SampleCsvError } from './pick-samples.js';

const CSV = ['a,b,target', '1,2,0', '3,4,0', '5,6,1', '7,8,1', ''].join('\n');

describe('pickSamples', () => {
  it('spreads the picked rows over the file and splits off the target column', () => {
    expect(pickSamples(CSV, 2)).toEqual({ featureNames: ['a', 'b'], rows: [[1, 2], [5, 6]], labels: [0, 1], indices: [0, 2] });
  });

  it('refuses more rows than the file holds', () => {
    expect(() => pickSamples(CSV, 5)).toThrow(SampleCsvError);
  });

  it('names the line of a malformed row', () => {
    expect(() => pickSamples('a,target\n1,0\nx,1\n', 2)).toThrow(/row 3/);
  });
});
