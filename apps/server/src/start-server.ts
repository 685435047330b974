import type { FastifyInstance } from 'fastify';
import { createServer } from './create-server.js';
import type { ServerOptions } from './options.js';

export interface StartOptions extends ServerOptions {
  readonly port?: number;
  readonly host?: string;
}

/**
 * Creates the server and listens (default 127.0.0.1:8080; port 0 picks a free one). SIGINT
 * and SIGTERM close it gracefully: no new connections, in-flight runs finish.
 */
export async function startServer(options: StartOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = await createServer(options);
  const stop = (): void => {
    void app.close();
  };
  app.addHook('onClose', async () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  });
  const url = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, url };
}
