// Uploads with real progress: fetch() cannot report upload progress, XMLHttpRequest can.
import { API_BASE, apiFetch, json, ProblemError, requestHeaders, toProblem } from './client';
import type { CompletedPart, Dataset, StartedUpload, StartUploadRequest, StartVersionUploadRequest } from './types';

/** Files at least this big go straight to the store in parts when the server offers presigned uploads. */
export const PRESIGNED_THRESHOLD_BYTES = 64 * 1024 * 1024;

export type Progress = (sentBytes: number, totalBytes: number) => void;

interface XhrResult {
  status: number;
  body: string;
  contentType: string;
  etag: string | null;
}

async function send(
  method: string, url: string, body: Blob | FormData, headers: Headers, onProgress: (loaded: number, total: number) => void, signal?: AbortSignal,
): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    headers.forEach((value, key) => xhr.setRequestHeader(key, value));
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total);
    xhr.onload = () =>
      resolve({
        status: xhr.status,
        body: xhr.responseText,
        contentType: xhr.getResponseHeader('content-type') ?? '',
        etag: xhr.getResponseHeader('etag'),
      });
    xhr.onerror = () => reject(new ProblemError(0, 'Upload failed', 'The connection broke during the upload. Check your connection and try again.'));
    xhr.onabort = () => reject(cancelled());
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

export const UPLOAD_CANCELLED = 'Upload cancelled';

function cancelled(): ProblemError {
  return new ProblemError(0, UPLOAD_CANCELLED, 'The upload was cancelled; nothing was stored.');
}

function asResponse(r: XhrResult): Response {
  return new Response(r.body, { status: r.status, headers: { 'content-type': r.contentType } });
}

/** POST /datasets with the file as the raw body, streamed by the API to its store. */
async function uploadStreamed(file: File, onProgress: Progress, signal?: AbortSignal): Promise<Dataset> {
  const headers = await requestHeaders('POST', { 'content-type': 'application/octet-stream', accept: 'application/json' });
  const result = await send('POST', `${API_BASE}/datasets?name=${encodeURIComponent(file.name)}`, file, headers, (n) => onProgress(n, file.size), signal);
  if (result.status < 200 || result.status >= 300) throw await toProblem(asResponse(result));
  onProgress(file.size, file.size);
  return JSON.parse(result.body) as Dataset;
}

/**
 * POST /datasets/{id}/versions with the file as the multipart field 'file': the version keeps its data set's name,
 * and the file's own name tells the API its format (a data set first uploaded as CSV may go on in Parquet).
 */
async function uploadVersionStreamed(datasetId: string, file: File, onProgress: Progress, signal?: AbortSignal): Promise<Dataset> {
  const headers = await requestHeaders('POST', { accept: 'application/json' });
  const form = new FormData();
  form.append('file', file, file.name);
  // The multipart body is a little bigger than the file: its share sent is the file's share sent.
  const sentOfFile = (loaded: number, total: number) => onProgress(total > 0 ? Math.min(file.size, Math.round((loaded / total) * file.size)) : 0, file.size);
  const result = await send('POST', `${API_BASE}/datasets/${encodeURIComponent(datasetId)}/versions`, form, headers, sentOfFile, signal);
  if (result.status < 200 || result.status >= 300) throw await toProblem(asResponse(result));
  onProgress(file.size, file.size);
  return JSON.parse(result.body) as Dataset;
}

/** The presigned multipart flow: PUT each part to the store, then ask the API to assemble and ingest it. */
async function uploadPresigned(file: File, started: StartedUpload, onProgress: Progress, signal?: AbortSignal): Promise<Dataset> {
  const sent = new Map<number, number>();
  const report = () => onProgress([...sent.values()].reduce((a, b) => a + b, 0), file.size);
  const parts: CompletedPart[] = [];
  for (const part of started.parts) {
    const start = (part.partNumber - 1) * started.partSizeBytes;
    const chunk = started.parts.length === 1 ? file : file.slice(start, Math.min(file.size, start + started.partSizeBytes));
    const result = await send('PUT', part.url, chunk, new Headers(), (n) => {
      sent.set(part.partNumber, n);
      report();
    }, signal);
    if (result.status < 200 || result.status >= 300) {
      throw new ProblemError(result.status, 'Upload failed', `The file store refused part ${part.partNumber} (HTTP ${result.status}). Try again.`);
    }
    sent.set(part.partNumber, chunk.size);
    report();
    parts.push({ partNumber: part.partNumber, etag: result.etag ?? '' });
  }
  // A single-part upload is a plain PUT, which the store completes by itself.
  return apiFetch<Dataset>(`/datasets/uploads/${started.uploadId}/complete`, {
    ...json('POST', { parts: started.parts.length > 1 ? parts : [] }),
    signal,
  });
}

/**
 * Uploads a file: big files go to the store directly when the server offers presigned uploads (an S3 store); a local
 * store answers 409 to that offer, and then the file is streamed through the API.
 */
async function uploadFile(
  file: File, onProgress: Progress, signal: AbortSignal | undefined, startPresigned: () => Promise<StartedUpload>, streamed: () => Promise<Dataset>,
): Promise<Dataset> {
  if (file.size >= PRESIGNED_THRESHOLD_BYTES) {
    let started: StartedUpload | null = null;
    try {
      started = await startPresigned();
    } catch (e) {
      if (!(e instanceof ProblemError && e.status === 409)) throw e;
    }
    if (started) {
      try {
        return await uploadPresigned(file, started, onProgress, signal);
      } catch (e) {
        // Status 0 is a cancel, or the browser refusing the store's answer (usually a bucket without a CORS rule for
        // this origin). Either way the half-made upload is deleted with the room it held, so no data set stays
        // 'uploading'; a refusal then sends the file through the API instead.
        const broken = e instanceof ProblemError && e.status === 0;
        if (broken || signal?.aborted) await apiFetch<void>(`/datasets/${started.datasetId}`, { method: 'DELETE' }).catch(() => undefined);
        if (signal?.aborted) throw cancelled();
        if (!broken) throw e;
        onProgress(0, file.size);
      }
    }
  }
  return streamed();
}

/** Uploads a file as a new data set. */
export function uploadDataset(file: File, onProgress: Progress, signal?: AbortSignal): Promise<Dataset> {
  return uploadFile(
    file, onProgress, signal,
    () => apiFetch<StartedUpload>('/datasets/uploads', json('POST', { name: file.name, sizeBytes: file.size } satisfies StartUploadRequest)),
    () => uploadStreamed(file, onProgress, signal),
  );
}

/**
 * Uploads a file as the next version of the data set `datasetId` (any of its versions' ids names it), by the same two
 * paths as a new data set; the answer is the new version, still to be ingested.
 */
export function uploadVersion(datasetId: string, file: File, onProgress: Progress, signal?: AbortSignal): Promise<Dataset> {
  const id = encodeURIComponent(datasetId);
  return uploadFile(
    file, onProgress, signal,
    () => apiFetch<StartedUpload>(`/datasets/${id}/versions/uploads`, json('POST', { sizeBytes: file.size, fileName: file.name } satisfies StartVersionUploadRequest)),
    () => uploadVersionStreamed(datasetId, file, onProgress, signal),
  );
}
