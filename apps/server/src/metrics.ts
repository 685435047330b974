/** Latency summary of one route, in milliseconds. */
export interface RouteLatency {
  readonly count: number;
  readonly meanMs: number;
  readonly maxMs: number;
}

/**
 * Counters for GET /metrics: requests by route and status, latencies by route, and
 * bootstraps per second as programmable bootstraps done over the wall time spent in runs.
 */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latencies = new Map<string, { count: number; totalMs: number; maxMs: number }>();
  private bootstraps = 0;
  private runMs = 0;
  private runs = 0;
  readonly startedAt = Date.now();

  recordRequest(route: string, status: number, ms: number): void {
    const key = `${route} ${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const latency = this.latencies.get(route) ?? { count: 0, totalMs: 0, maxMs: 0 };
    latency.count += 1;
    latency.totalMs += ms;
    latency.maxMs = Math.max(latency.maxMs, ms);
    this.latencies.set(route, latency);
  }

  recordRun(bootstraps: number, ms: number): void {
    this.runs += 1;
    this.bootstraps += bootstraps;
    this.runMs += ms;
  }

  snapshot(queue: { depth: number; active: number }, keys: number) {
    const latencies: Record<string, RouteLatency> = {};
    for (const [route, l] of this.latencies) latencies[route] = { count: l.count, meanMs: l.totalMs / l.count, maxMs: l.maxMs };
    return {
      uptimeSeconds: (Date.now() - this.startedAt) / 1000,
      requests: Object.fromEntries(this.requests),
      latencies,
      queue: { depth: queue.depth, active: queue.active },
      storedKeys: keys,
      runs: this.runs,
      bootstraps: this.bootstraps,
      bootstrapsPerSecond: this.runMs > 0 ? (this.bootstraps * 1000) / this.runMs : 0,
    };
  }
}
