import type { WorkQueue } from '../work-queue.js';

/** A job that holds one slot of `queue` until the returned function is called (and resolves once it left). */
export function occupy(queue: WorkQueue): () => Promise<void> {
  let release = (): void => undefined;
  const done = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
  return async () => {
    release();
    await done;
  };
}

/** Polls `condition` every 2 ms; throws after 30 s, naming what it waited for. */
export async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
