import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** GET /health (liveness, models served, worker threads) and GET /metrics (counts, latencies, queue depth, bootstraps/s). */
export function registerStatusRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/health', async () => ({ status: 'ok', models: context.models.size, threads: context.pool?.size ?? 0 }));
  app.get('/metrics', async () => context.metrics.snapshot(context.queue, context.keys.size));
}
