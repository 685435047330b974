/**
 * What `node:*` imports resolve to in the browser bundle. The packages the page uses import
 * Node modules only lazily, on Node-only paths (reading files, worker_threads), which the
 * page never takes; this empty module keeps those imports out of the bundle.
 */
export {};
