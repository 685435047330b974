import { describe, expect, it } from '@jest/globals';
import { Metrics } from './metrics.js';

describe('Metrics', () => {
  it('reports bootstraps per second over the time spent in runs, and latencies by route', () => {
    const metrics = new Metrics();
    metrics.recordRun(300, 100);
    metrics.recordRun(100, 300);
    metrics.recordRequest('POST /p', 200, 10);
    metrics.recordRequest('POST /p', 400, 30);
    const snapshot = metrics.snapshot({ depth: 2, active: 1 }, 3);
    expect(snapshot.bootstrapsPerSecond).toBeCloseTo(1000, 9);
    expect(snapshot.requests).toEqual({ 'POST /p 200': 1, 'POST /p 400': 1 });
    expect(snapshot.latencies['POST /p']).toEqual({ count: 2, meanMs: 20, maxMs: 30 });
    expect(snapshot.queue).toEqual({ depth: 2, active: 1 });
    expect(snapshot.storedKeys).toBe(3);
  });
});
