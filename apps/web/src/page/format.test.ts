import { describe, expect, it } from '@jest/globals';
import { formatBytes, formatMs } from './format.js';

describe('format', () => {
  it('sizes switch unit at 1 KiB and 1 MiB', () => {
    expect([formatBytes(1023), formatBytes(1536), formatBytes(7_546_128)]).toEqual(['1023 B', '1.5 KiB', '7.20 MiB']);
  });

  it('durations switch to seconds at 1000 ms', () => {
    expect([formatMs(12.4), formatMs(1500)]).toEqual(['12 ms', '1.50 s']);
  });
});
