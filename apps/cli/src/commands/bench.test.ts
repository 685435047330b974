import { describe, expect, it } from '@jest/globals';
import { summarizeResults } from './bench.js';

describe('summarizeResults', () => {
  it('makes one row per record of every list, labelled by its first string and showing its numbers', () => {
    const rows = summarizeResults('@cml/x', 'results.json', {
      date: '2026-01-01',
      loadAverage: [1, 2, 3],
      precisions: [{ precision: 2, parameterSet: 'p2', pbsMs: 12.345, correct: true }],
      rows: [{ model: 'LR', accuracy: 0.96 }, { count: 3 }],
    });
    expect(rows).toEqual([
      { pkg: '@cml/x', file: 'results.json', section: 'precisions', entry: 'p2', metrics: 'precision=2 pbsMs=12.3' },
      { pkg: '@cml/x', file: 'results.json', section: 'rows', entry: 'LR', metrics: 'accuracy=0.960' },
      { pkg: '@cml/x', file: 'results.json', section: 'rows', entry: '-', metrics: 'count=3' },
    ]);
  });

  it('ignores a file that is not an object', () => {
    expect(summarizeResults('p', 'f', [1, 2])).toEqual([]);
    expect(summarizeResults('p', 'f', null)).toEqual([]);
  });
});
