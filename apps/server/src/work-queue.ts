import { OverloadedError } from './errors.js';

/**
 * A bounded work queue: at most `concurrency` jobs run at once and at most `maxPending`
 * wait; beyond that `run` rejects at once with OverloadedError (HTTP 503) rather than
 * letting latency grow without bound. `drain()` resolves when nothing runs or waits.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxPending: number,
  ) {}

  get depth(): number {
    return this.waiting.length;
  }

  get active(): number {
    return this.running;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxPending) {
        throw new OverloadedError(`work queue full (${this.maxPending} waiting, ${this.running} running): retry later`);
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else {
        this.running -= 1;
        if (this.running === 0) this.notifyIdle();
      }
    }
  }

  /** Resolves once every running and waiting job has finished. */
  drain(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
