/** The page's side of the FHE worker: one promise per request, progress through a callback. */
import type { Phase, ReplyMessage, RequestKind, WorkerRequests } from './worker/protocol.js';

/** A request the worker could not carry out; keeps the worker's error name. */
export class WorkerRequestError extends Error {
  override readonly name: string = 'WorkerRequestError';
  constructor(
    readonly kind: RequestKind,
    readonly causeName: string,
    message: string,
  ) {
    super(`${kind}: ${causeName}: ${message}`);
  }
}

interface Pending {
  readonly kind: RequestKind;
  resolve(reply: unknown): void;
  reject(error: Error): void;
  progress?: ((phase: Phase) => void) | undefined;
}

export class FheWorker {
  private readonly worker = new Worker(new URL('./worker/fhe-worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<ReplyMessage>) => this.receive(event.data));
    this.worker.addEventListener('error', (event) => {
      for (const [id, pending] of this.pending) {
        pending.reject(new WorkerRequestError(pending.kind, 'WorkerError', event.message));
        this.pending.delete(id);
      }
    });
  }

  call<K extends RequestKind>(
    kind: K,
    request: WorkerRequests[K]['request'],
    progress?: (phase: Phase) => void,
  ): Promise<WorkerRequests[K]['reply']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { kind, resolve: resolve as (reply: unknown) => void, reject, progress });
      this.worker.postMessage({ id, kind, request });
    });
  }

  private receive(message: ReplyMessage): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.progress?.(message.phase);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'done') pending.resolve(message.reply);
    else pending.reject(new WorkerRequestError(pending.kind, message.error.name, message.error.message));
  }
}
