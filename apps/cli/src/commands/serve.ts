import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { Write } from '../program.js';

interface ServeOptions {
  readonly dir: string[];
  readonly demo?: boolean;
  readonly port: string;
  readonly host: string;
  readonly web: boolean;
  readonly maxKeys?: string;
  readonly keyDir?: string;
  readonly threads?: string;
}

function port(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError(`--port must be an integer from 0 to 65535, got '${text}'`);
  return n;
}

function positiveInteger(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${name} must be a positive integer, got '${text}'`);
  return n;
}

function threadCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new UserError(`--threads must be an integer from 0 to 256, got '${text}'`);
  return n;
}

/** Socket errors a user can fix (address in use, not allowed, unknown host) as UserErrors. */
function listenError(error: unknown, host: string, listenPort: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new UserError(`port ${listenPort} on ${host} is already in use (try --port 0)`);
  if (code === 'EACCES') return new UserError(`not allowed to listen on ${host}:${listenPort} (ports below 1024 need privileges)`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new UserError(`cannot listen on host ${host}: ${code}`);
  return error;
}

/** The built web page, if there is one: serving the API alone is still useful. */
async function webPage(write: (text: string) => void): Promise<string | undefined> {
  const { webRoot } = await import('@cml/web');
  const root = webRoot();
  if (existsSync(join(root, 'index.html'))) return root;
  write(`cml: the web page is not built (${root}); serving the HTTP API only (pnpm --filter @cml/web build adds it)\n`);
  return undefined;
}

/**
 * `cml serve`: @cml/server on deployment directories (or the built-in demo model), with the
 * web page of @cml/web at /. Prints the URL once listening; SIGINT / SIGTERM close the server
 * gracefully (in-flight runs finish) and the process exits 0.
 */
export function registerServe(program: Command, write: Write): void {
  program
    .command('serve')
    .description('Serve deployment directories over HTTP for encrypted inference (and the web client at /)')
    .option('--dir <dir>', 'deployment directory written by `cml compile`; repeat for several models', (dir: string, dirs: string[]) => [...dirs, dir], [])
    .option('--demo', 'serve the built-in demo models (breast-cancer and digits logistic regressions), no set-up needed')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-web', 'do not serve the web page')
    .option('--max-keys <n>', 'evaluation-key sets kept in memory (least recently used evicted)')
    .option('--threads <n>', 'worker threads for the bootstraps (default: one per core when a model has table lookups; 0 runs on the event loop)')
    .option('--key-dir <dir>', 'also keep uploaded evaluation keys in this directory: read back after eviction or a restart')
    .action(async (options: ServeOptions) => {
      if (options.dir.length === 0 && !options.demo) throw new UserError('serve needs --dir <deployment dir> (repeatable) or --demo');
      const listenPort = port(options.port);
      const maxKeys = positiveInteger(options.maxKeys, '--max-keys');
      const threads = threadCount(options.threads);
      const { createDemoDeployment, createDigitsDeployment, startServer } = await import('@cml/server');
      const dirs = [...options.dir];
      // The demo models are trained and written to a temporary directory, removed on exit.
      const demoParent = options.demo ? await mkdtemp(join(tmpdir(), 'cml-serve-demo-')) : undefined;
      if (demoParent !== undefined) {
        dirs.push((await createDemoDeployment(demoParent)).dir, (await createDigitsDeployment(demoParent)).dir);
      }
      const webRoot = options.web ? await webPage((text) => process.stderr.write(text)) : undefined;
      const { app, url } = await startServer({
        dirs,
        port: listenPort,
        host: options.host,
        ...(webRoot === undefined ? {} : { webRoot }),
        ...(maxKeys === undefined ? {} : { maxKeys }),
        ...(options.keyDir === undefined ? {} : { keyDir: options.keyDir }),
        ...(threads === undefined ? {} : { threads }),
      }).catch((error: unknown) => {
        throw listenError(error, options.host, listenPort);
      });
      // Hooks cannot be added once listening; the HTTP server's close event marks the end.
      const closed = new Promise<void>((resolve) => app.server.once('close', () => resolve()));
      const models = (await app.inject({ method: 'GET', url: '/models' })).json<{ models: { id: string }[] }>().models;
      write(`cml serve: listening on ${url} (models: ${models.map((m) => m.id).join(', ')}${webRoot ? '; web page at /' : ''}); Ctrl-C stops`);
      await closed;
      if (demoParent !== undefined) await rm(demoParent, { recursive: true, force: true });
      write('cml serve: stopped');
    });
}

