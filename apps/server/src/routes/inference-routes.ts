import { EvaluationKeys } from '@cml/tfhe-wasm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MODEL_PARAMS, modelOf, type ServerContext } from '../context.js';
import { BadPayloadError, KeyMismatchError, UnknownKeyError, UnsupportedMediaTypeError } from '../errors.js';
import { keyIdOf } from '../key-files.js';
import { acquireKeys } from '../stored-keys.js';

const KEY_ID = '^[0-9a-f]{32}$';

/**
 * A body must be raw bytes (application/octet-stream) and non-empty. Copied out of Node's
 * pooled Buffer so typed-array views in the deserializers start 8-byte aligned.
 */
function bytesOf(request: FastifyRequest): Uint8Array {
  const type = request.headers['content-type'];
  if (type?.split(';')[0]?.trim() !== 'application/octet-stream') throw new UnsupportedMediaTypeError(type);
  const body = request.body;
  if (!(body instanceof Uint8Array) || body.length === 0) {
    throw new BadPayloadError('the body must be non-empty application/octet-stream bytes');
  }
  return new Uint8Array(body);
}

/**
 * POST /models/:id/keys: compressed evaluation keys in, a key id out (a hash of model and
 * bytes, so a re-upload gives the same id), kept in memory and, with `keyDir`, on disk. POST /models/:id/predict?keyId=: an encrypted
 * input in, the encrypted output out. Both run through the bounded work queue (expanding
 * keys and running the circuit are the CPU-heavy parts).
 */
export function registerInferenceRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post<{ Params: { id: string } }>(
    '/models/:id/keys',
    { schema: { params: MODEL_PARAMS }, bodyLimit: context.limits.maxKeyBytes },
    async (request, reply) => {
      const model = modelOf(context, request.params.id);
      const bytes = bytesOf(request);
      const id = keyIdOf(model.id, bytes);
      const existing = context.keys.acquire(id);
      if (existing) existing.release();
      else {
        await context.queue.run(async () => {
          const keys = EvaluationKeys.deserialize(bytes, model.circuit.parameters);
          context.keys.add({ id, modelId: model.id, keys, byteLength: bytes.length });
        });
        // Only keys that deserialized are kept on disk; the id is known once they are written.
        await context.keyFiles?.save(id, model.id, bytes);
      }
      return reply.code(201).send({ keyId: id, bytes: bytes.length });
    },
  );

  app.post<{ Params: { id: string }; Querystring: { keyId: string } }>(
    '/models/:id/predict',
    {
      schema: {
        params: MODEL_PARAMS,
        querystring: { type: 'object', required: ['keyId'], properties: { keyId: { type: 'string', pattern: KEY_ID } } },
      },
      bodyLimit: context.limits.maxInputBytes,
    },
    async (request, reply) => {
      const model = modelOf(context, request.params.id);
      const bytes = bytesOf(request);
      const held = await acquireKeys(context, request.query.keyId);
      if (!held) throw new UnknownKeyError(request.query.keyId);
      try {
        if (held.stored.modelId !== model.id) {
          throw new KeyMismatchError(`key ${held.stored.id} was uploaded for model '${held.stored.modelId}', not '${model.id}'`);
        }
        const output = await context.queue.run(async () => {
          // Yield one event-loop turn holding the slot, so requests arriving together queue
          // (and overflow to 503) instead of each running to completion in its own turn.
          await new Promise((resolve) => setImmediate(resolve));
          const start = performance.now();
          const result = await model.server.run(bytes, held.stored.keys, context.pool ? { pool: context.pool } : {});
          context.metrics.recordRun(model.bootstrapsPerRun, performance.now() - start);
          return result;
        });
        return reply.type('application/octet-stream').send(Buffer.from(output));
      } finally {
        held.release();
      }
    },
  );
}
