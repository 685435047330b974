/**
 * POST /models/:id/keys with XMLHttpRequest, whose upload events (unlike fetch) report how
 * many bytes have left: the progress bar of a tens-of-megabytes evaluation-key upload.
 */
import { ApiError, apiBase } from './api.js';

export interface UploadedKeys {
  readonly keyId: string;
  readonly bytes: number;
}

export function uploadKeys(modelId: string, keys: Uint8Array, onProgress: (sent: number, total: number) => void): Promise<UploadedKeys> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase}/models/${encodeURIComponent(modelId)}/keys`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : keys.length));
    xhr.addEventListener('load', () => {
      let body: { keyId?: string; bytes?: number; error?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON: reported below with the status
      }
      if (xhr.status === 201 && typeof body.keyId === 'string') resolve({ keyId: body.keyId, bytes: body.bytes ?? keys.length });
      else reject(new ApiError(xhr.status, body.error ?? 'unknown', body.message ?? xhr.responseText));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', 'the key upload failed (network error)')));
    xhr.send(keys as Uint8Array<ArrayBuffer>);
  });
}
