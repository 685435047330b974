import { tfheRuntime, type TfheExports } from '../wasm-module.js';
import { WORKER_SOURCE } from './worker-source.js';

/** The pool cannot start or a worker failed. */
export class WorkerPoolError extends Error {
  override readonly name = 'WorkerPoolError';
}

export interface WorkerPoolOptions {
  /** Number of workers; default: the number of cores. */
  readonly poolSize?: number;
}

/** One call of an exported WASM kernel: its name and its (pointer and integer) arguments. */
export interface KernelCall {
  readonly kernel: string;
  readonly args: readonly number[];
}

interface PoolWorker {
  post(message: unknown): void;
  /** Keep the process alive while this worker has work (Node); no-op in browsers. */
  busy(isBusy: boolean): void;
  onMessage(handler: (message: WorkerReply) => void): void;
  terminate(): Promise<unknown> | void;
}

type WorkerReply = { type: 'ready' } | { type: 'done'; id: number } | { type: 'error'; id: number; message: string };

/**
 * Workers (worker_threads in Node, Web Workers in browsers) that each instantiate the threads
 * build on the one shared memory: the evaluation keys exist once, every worker reads them.
 * The main thread keeps the allocator and plans every region; a worker only runs kernel calls.
 * Requires `await initTfhe({ threads: true })`. Call terminate() when done.
 */
export class WorkerPool {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private terminated = false;

  private constructor(private readonly workers: PoolWorker[]) {
    for (const worker of workers) {
      worker.onMessage((reply) => {
        if (reply.type === 'ready') return;
        const job = this.pending.get(reply.id);
        if (!job) return;
        this.pending.delete(reply.id);
        if (reply.type === 'done') job.resolve();
        else job.reject(new WorkerPoolError(`worker failed: ${reply.message}`));
      });
    }
  }

  static async create(options: WorkerPoolOptions = {}): Promise<WorkerPool> {
    const tfhe = tfheRuntime();
    if (!tfhe.threads) {
      throw new WorkerPoolError('the worker pool needs the shared-memory build: await initTfhe({ threads: true }) first');
    }
    const size = options.poolSize ?? (await defaultPoolSize());
    if (!Number.isInteger(size) || size < 1 || size > 256) {
      throw new WorkerPoolError(`poolSize must be an integer in [1, 256], got ${size}`);
    }
    const workers = await Promise.all(Array.from({ length: size }, () => spawnWorker(tfhe)));
    return new WorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Runs `calls[w]` (argument lists of the exported kernel `kernel`) on worker w, all workers
   * at once; resolves when every worker is done.
   */
  async run(kernel: string, calls: readonly (readonly number[])[][]): Promise<void> {
    return this.runCalls(calls.map((list) => list.map((args) => ({ kernel, args }))));
  }

  /**
   * Runs the kernel calls `calls[w]` in order on worker w, all workers at once; resolves when
   * every worker is done.
   */
  async runCalls(calls: readonly (readonly KernelCall[])[]): Promise<void> {
    if (this.terminated) throw new WorkerPoolError('the worker pool was terminated');
    if (calls.length > this.workers.length) {
      throw new WorkerPoolError(`${calls.length} call lists for ${this.workers.length} workers`);
    }
    await Promise.all(calls.map((list, w) => (list.length === 0 ? Promise.resolve() : this.post(w, { type: 'run', calls: list }))));
  }

  /**
   * Runs `jobCount` jobs on the first `workers` workers, which take them one at a time from a
   * shared counter (the i32 at byte `counter` of the shared memory, zero on entry) until none
   * is left: a worker that the machine slows down takes fewer jobs instead of holding the
   * batch up, as an equal static share would. `jobsOf(w)` lists every job as worker w runs it
   * (the same jobs, with that worker's own scratch). Resolves when every worker is done.
   */
  async runQueue(jobCount: number, workers: number, counter: number, jobsOf: (worker: number) => KernelCall[][]): Promise<void> {
    if (this.terminated) throw new WorkerPoolError('the worker pool was terminated');
    if (!Number.isInteger(workers) || workers < 1 || workers > this.workers.length) {
      throw new WorkerPoolError(`${workers} queue workers for a pool of ${this.workers.length}`);
    }
    if (jobCount === 0) return;
    await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const jobs = jobsOf(w);
        if (jobs.length !== jobCount) throw new WorkerPoolError(`worker ${w} was given ${jobs.length} jobs, not ${jobCount}`);
        return this.post(w, { type: 'drain', counter, jobs });
      }),
    );
  }

  /** Posts one message of work to worker w; resolves when it replies done. */
  private post(w: number, work: Record<string, unknown>): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      const worker = this.workers[w]!;
      worker.busy(true);
      this.pending.set(id, {
        resolve: () => {
          worker.busy(false);
          resolve();
        },
        reject: (error) => {
          worker.busy(false);
          reject(error);
        },
      });
      worker.post({ ...work, id });
    });
  }

  /** Stops every worker; pending runs reject. */
  async terminate(): Promise<void> {
    this.terminated = true;
    for (const job of this.pending.values()) job.reject(new WorkerPoolError('the worker pool was terminated'));
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

async function defaultPoolSize(): Promise<number> {
  if (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) return navigator.hardwareConcurrency;
  const os = await import('node:os');
  return os.availableParallelism?.() ?? os.cpus().length;
}

async function spawnWorker(tfhe: TfheExports): Promise<PoolWorker> {
  const worker = await createPlatformWorker();
  await new Promise<void>((resolve, reject) => {
    worker.onMessage((reply) => {
      if (reply.type === 'ready') resolve();
    });
    try {
      worker.post({ type: 'init', module: tfhe.module, memory: tfhe.memory });
    } catch (cause) {
      reject(new WorkerPoolError('cannot send the module and shared memory to a worker', { cause }));
    }
  });
  return worker;
}

async function createPlatformWorker(): Promise<PoolWorker> {
  if (typeof process !== 'undefined' && process.versions?.node) {
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref(); // an idle pool never keeps the process alive
    return {
      post: (message) => worker.postMessage(message),
      busy: (isBusy) => (isBusy ? worker.ref() : worker.unref()),
      onMessage: (handler) => worker.on('message', handler),
      terminate: () => worker.terminate(),
    };
  }
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url);
  return {
    post: (message) => worker.postMessage(message),
    busy: () => {},
    onMessage: (handler) => worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => handler(event.data)),
    terminate: () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    },
  };
}
