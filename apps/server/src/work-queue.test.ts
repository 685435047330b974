import { describe, expect, it } from '@jest/globals';
import { WorkQueue } from './work-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('WorkQueue', () => {
  it('never runs more jobs at once than its concurrency', async () => {
    const queue = new WorkQueue(2, 10);
    let running = 0;
    let peak = 0;
    const job = async (): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return 1;
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => queue.run(job)));
    expect(results).toEqual(Array(8).fill(1));
    expect(peak).toBe(2);
    expect(queue.active).toBe(0);
  });

  it('refuses work beyond the waiting bound with a 503 OverloadedError and keeps serving', async () => {
    const queue = new WorkQueue(1, 1);
    const gate = deferred();
    const first = queue.run(() => gate.promise);
    const second = queue.run(async () => 'second');
    expect(queue.depth).toBe(1);
    await expect(queue.run(async () => 'third')).rejects.toMatchObject({ name: 'OverloadedError', statusCode: 503 });
    gate.resolve();
    await first;
    await expect(second).resolves.toBe('second');
    await expect(queue.run(async () => 'after')).resolves.toBe('after');
  });

  it('drain waits for running and waiting jobs, and a failing job frees its slot', async () => {
    const queue = new WorkQueue(1, 5);
    const gate = deferred();
    const finished: string[] = [];
    void queue.run(async () => {
      await gate.promise;
      finished.push('a');
    });
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    void queue.run(async () => void finished.push('c'));
    const drained = queue.drain().then(() => finished.push('drained'));
    gate.resolve();
    await expect(failing).rejects.toThrow('boom');
    await drained;
    expect(finished).toEqual(['a', 'c', 'drained']);
  });
});
