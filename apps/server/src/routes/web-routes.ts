import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves a built web client under /app/ (index.html at /app/ and /). Cross-origin isolation
 * headers (COOP same-origin, COEP require-corp) let the page use SharedArrayBuffer, which
 * the threaded WASM core needs.
 */
export function registerWebRoutes(app: FastifyInstance, webRoot: string): void {
  const root = resolve(webRoot);
  const send = async (path: string, reply: FastifyReply): Promise<FastifyReply> => {
    const file = normalize(join(root, path === '' ? 'index.html' : path));
    if (file !== root && !file.startsWith(root + sep)) return reply.code(404).send({ error: 'not_found', message: path });
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return reply.code(404).send({ error: 'not_found', message: `no file ${path} in the web client` });
    }
    return reply
      .header('Cross-Origin-Opener-Policy', 'same-origin')
      .header('Cross-Origin-Embedder-Policy', 'require-corp')
      .header('Cross-Origin-Resource-Policy', 'same-origin')
      .type(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
      .send(bytes);
  };
  app.get('/', async (_request, reply) => reply.redirect('/app/'));
  app.get<{ Params: { '*': string } }>('/app/*', async (request, reply) => send(request.params['*'], reply));
}
