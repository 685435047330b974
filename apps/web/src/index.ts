/**
 * @cml/web — the browser client: key generation, encryption and decryption in the page,
 * computation on the server. This Node entry only locates the built page (for `cml serve`
 * and tests); the page itself is built by Vite from src/page/ into dist/app/.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The page has not been built (`pnpm --filter @cml/web build`). */
export class WebNotBuiltError extends Error {
  override readonly name = 'WebNotBuiltError';
}

/**
 * Absolute path of the built page (dist/app, holding index.html). `../dist/app` resolves to
 * the same directory from src/ (tests) and from dist/ (the build).
 */
export function webRoot(): string {
  return fileURLToPath(new URL('../dist/app', import.meta.url));
}

/** Like {@link webRoot}, but throws {@link WebNotBuiltError} when index.html is missing. */
export function builtWebRoot(): string {
  const root = webRoot();
  if (!existsSync(`${root}/index.html`)) {
    throw new WebNotBuiltError(`the web client is not built (${root}/index.html missing): run pnpm --filter @cml/web build`);
  }
  return root;
}
