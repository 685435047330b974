/**
 * The cml server's HTTP API as the page uses it: models, client descriptions (public), and
 * encrypted prediction. Errors come back as `{ error, message }` with an HTTP status.
 */
import type { QuantizedModelSpec } from '@cml/ml/client';

export interface ModelSummary {
  readonly id: string;
  readonly modelName: string;
  readonly nFeatures: number;
  readonly parameters: string;
  readonly bootstrapsPerRun: number;
}

/** GET /models/:id/client: quantization spec, circuit spec, client.bin (base64). Nothing secret. */
export interface ClientDescription {
  readonly id: string;
  readonly model: QuantizedModelSpec;
  readonly circuit: { readonly circuit: string; readonly parameters: { readonly name: string } };
  readonly clientBin: string;
}

/** A non-2xx answer of the server, with its status and error code. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`HTTP ${status} ${code}: ${message}`);
  }
}

export async function apiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: string; message?: string };
    return new ApiError(response.status, body.error ?? 'unknown', body.message ?? text);
  } catch {
    return new ApiError(response.status, 'unknown', text);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as T;
}

/** Paths are relative to the server root; the page lives at /app/. */
export const apiBase = new URL('..', window.location.href).href.replace(/\/$/, '');

export async function listModels(): Promise<ModelSummary[]> {
  return (await getJson<{ models: ModelSummary[] }>(`${apiBase}/models`)).models;
}

export function clientDescription(id: string): Promise<ClientDescription> {
  return getJson<ClientDescription>(`${apiBase}/models/${encodeURIComponent(id)}/client`);
}

/** POST /models/:id/predict: encrypted input in, encrypted output out. */
export async function predict(id: string, keyId: string, encrypted: Uint8Array): Promise<Uint8Array> {
  const response = await fetch(`${apiBase}/models/${encodeURIComponent(id)}/predict?keyId=${keyId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: encrypted as Uint8Array<ArrayBuffer>,
  });
  if (!response.ok) throw await apiError(response);
  return new Uint8Array(await response.arrayBuffer());
}

export function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
