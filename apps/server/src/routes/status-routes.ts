import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** GET /health (liveness) and GET /metrics (counts, latencies, queue depth, bootstraps/s). */
export function registerStatusRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/health', async () => ({ status: 'ok', models: context.models.size }));
  app.get('/metrics', async () => context.metrics.snapshot(context.queue, context.keys.size));
}
