/**
 * The source of a pool worker, as a string so it needs no file of its own (Node runs it with
 * `new Worker(source, { eval: true })`, browsers from a Blob URL). A worker instantiates the
 * compiled threads build on the shared memory it is sent, then runs batches of kernel calls:
 * kernels are pure functions of pointers, so the main thread plans all memory and the worker
 * only computes.
 *
 * Messages in:  { type: 'init', module, memory }  |  { type: 'run', id, calls: { kernel, args }[] }
 *               |  { type: 'drain', id, counter, jobs: { kernel, args }[][] }: takes job
 *                  Atomics.add(i32 at counter, 1) until it is past the last (WorkerPool.runQueue)
 * Messages out: { type: 'ready' }  |  { type: 'done', id }  |  { type: 'error', id, message }
 */
export const WORKER_SOURCE = `
const inNode = typeof process !== 'undefined' && !!(process.versions && process.versions.node);
const port = inNode ? require('node:worker_threads').parentPort : null;
const post = (message) => (inNode ? port.postMessage(message) : self.postMessage(message));
const listen = (handler) => (inNode ? port.on('message', handler) : (self.onmessage = (event) => handler(event.data)));
let kernels = null;
let memory = null;
listen(async (message) => {
  if (message.type === 'init') {
    const instance = await WebAssembly.instantiate(message.module, {
      env: { memory: message.memory, abort() { throw new Error('tfhe-wasm aborted in a worker'); } },
    });
    kernels = instance.exports;
    memory = message.memory;
    post({ type: 'ready' });
  } else if (message.type === 'run') {
    try {
      for (const call of message.calls) kernels[call.kernel](...call.args);
      post({ type: 'done', id: message.id });
    } catch (error) {
      post({ type: 'error', id: message.id, message: String(error) });
    }
  } else if (message.type === 'drain') {
    try {
      const counter = new Int32Array(memory.buffer, message.counter, 1);
      for (let j = Atomics.add(counter, 0, 1); j < message.jobs.length; j = Atomics.add(counter, 0, 1)) {
        for (const call of message.jobs[j]) kernels[call.kernel](...call.args);
      }
      post({ type: 'done', id: message.id });
    } catch (error) {
      post({ type: 'error', id: message.id, message: String(error) });
    }
  }
});
`;
