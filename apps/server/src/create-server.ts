import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ServerContext } from './context.js';
import { toHttpError } from './error-mapping.js';
import { HttpError, ServerConfigError } from './errors.js';
import { KeyFiles } from './key-files.js';
import { KeyStore } from './key-store.js';
import { Metrics } from './metrics.js';
import { DEFAULTS, type ServerOptions } from './options.js';
import { registerInferenceRoutes } from './routes/inference-routes.js';
import { registerModelRoutes } from './routes/model-routes.js';
import { registerStatusRoutes } from './routes/status-routes.js';
import { registerWebRoutes } from './routes/web-routes.js';
import { WorkQueue } from './work-queue.js';
import { startWorkerPool } from './worker-threads.js';
import { loadServedModel, type ModelSource, type ServedModel } from './served-model.js';

/** The errors JSON body: `{ error: <code>, message }`. */
function errorBody(error: unknown): { status: number; body: { error: string; message: string } } {
  const mapped = toHttpError(error);
  if (mapped instanceof HttpError) return { status: mapped.statusCode, body: { error: mapped.code, message: mapped.message } };
  const fastifyError = mapped as FastifyError;
  if (fastifyError.validation) return { status: 400, body: { error: 'bad_request', message: fastifyError.message } };
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return { status, body: { error: 'too_large', message: fastifyError.message } };
  if (status >= 400 && status < 500) return { status, body: { error: 'bad_request', message: fastifyError.message } };
  return { status: 500, body: { error: 'internal', message: 'internal server error' } };
}

/**
 * Builds (without listening) a fastify app serving deployment directories: models, client
 * specs, evaluation-key upload and encrypted prediction, health and metrics. Closing the app
 * lets in-flight requests and queued runs finish, then frees the stored keys.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const sources: ModelSource[] = [...(options.dirs ?? []).map((dir) => ({ dir })), ...(options.models ?? [])];
  if (sources.length === 0) throw new ServerConfigError('createServer needs at least one deployment directory');
  const models = new Map<string, ServedModel>();
  for (const source of sources) {
    const model = await loadServedModel(source);
    if (models.has(model.id)) throw new ServerConfigError(`two deployment directories are named '${model.id}'`);
    models.set(model.id, model);
  }
  const hasLookups = [...models.values()].some((model) => model.bootstrapsPerRun > 0);
  const pool = await startWorkerPool(options.threads, hasLookups);
  const context: ServerContext = {
    models,
    keys: new KeyStore(options.maxKeys ?? DEFAULTS.maxKeys),
    keyFiles: options.keyDir === undefined ? undefined : new KeyFiles(options.keyDir),
    loadingKeys: new Map(),
    pool,
    queue: options.queue ?? new WorkQueue(options.concurrency ?? DEFAULTS.concurrency, options.maxQueue ?? DEFAULTS.maxQueue),
    metrics: new Metrics(),
    limits: {
      maxKeyBytes: options.maxKeyBytes ?? DEFAULTS.maxKeyBytes,
      maxInputBytes: options.maxInputBytes ?? DEFAULTS.maxInputBytes,
    },
  };

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, _request, reply) => {
    const { status, body } = errorBody(error);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url}` }),
  );
  app.addHook('onResponse', async (request, reply) => {
    context.metrics.recordRequest(`${request.method} ${request.routeOptions.url ?? 'unknown'}`, reply.statusCode, reply.elapsedTime);
  });
  // Once closing, responses ask the client to drop the connection: otherwise a keep-alive
  // socket that finishes its request after close() began idles for keepAliveTimeout (72 s)
  // before server.close() can complete.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onClose', async () => {
    await context.queue.drain();
    context.keys.clear();
    await pool?.terminate();
  });

  registerStatusRoutes(app, context);
  registerModelRoutes(app, context);
  registerInferenceRoutes(app, context);
  if (options.webRoot !== undefined) registerWebRoutes(app, options.webRoot);
  return app;
}
