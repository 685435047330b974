import type { FastifyInstance } from 'fastify';
import { MODEL_PARAMS, modelOf, type ServerContext } from '../context.js';

/** GET /models and GET /models/:id/client: what is served and what a client needs (no secret). */
export function registerModelRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/models', async () => ({
    models: [...context.models.values()].map((m) => ({
      id: m.id,
      modelName: m.description.model.modelName,
      nFeatures: m.description.model.nFeatures,
      parameters: m.circuit.parameters.name,
      bootstrapsPerRun: m.bootstrapsPerRun,
    })),
  }));

  app.get<{ Params: { id: string } }>('/models/:id/client', { schema: { params: MODEL_PARAMS } }, async (request) => {
    return modelOf(context, request.params.id).description;
  });
}
