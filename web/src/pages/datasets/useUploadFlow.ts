import { useRef, useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { ProblemError } from '../../api/client';
import { useFreshStorageUsage, type UploadVariables } from '../../api/datasets';
import type { Dataset } from '../../api/types';
import { refusalBeforeUpload } from './uploadLimits';

export interface UploadFlow {
  /** Checks the file against the tier's limits (nothing is sent when it does not fit), then uploads it. */
  start: (file: File | undefined) => Promise<void>;
  /** Stops the upload in flight; nothing is stored. */
  cancel: () => void;
  /** The file being (or last) sent, with the bytes sent so far. */
  file: File | null;
  progress: { sent: number; total: number } | null;
  /** Whether the last upload was cancelled by the user. */
  cancelled: boolean;
  /** A refusal before sending, or the API's answer to the upload. */
  problem: Error | null;
  busy: boolean;
}

/**
 * One upload, as the data set list's drop zone and a data set's "new version" form run it: the storage left is read
 * afresh and a file that cannot fit is refused before a byte is sent; the progress is the browser's own; a cancel
 * leaves nothing behind. `upload` is the mutation that sends the file (a new data set, or a new version).
 */
export function useUploadFlow(upload: UseMutationResult<Dataset, Error, UploadVariables>): UploadFlow {
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<ProblemError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [checking, setChecking] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const freshUsage = useFreshStorageUsage();
  const busy = upload.isPending || checking;

  const start = async (f: File | undefined) => {
    if (!f || busy) return;
    upload.reset();
    setRefused(null);
    setCancelled(false);
    setFile(null);
    setChecking(true);
    let refusal: string | null;
    try {
      refusal = refusalBeforeUpload(f, await freshUsage());
    } catch (e) {
      setRefused(e instanceof ProblemError ? e : new ProblemError(0, 'Upload failed', String(e)));
      return;
    } finally {
      setChecking(false);
    }
    if (refusal) {
      setRefused(new ProblemError(413, 'File too large', refusal));
      return;
    }
    setFile(f);
    setProgress({ sent: 0, total: f.size });
    const controller = new AbortController();
    abort.current = controller;
    upload.mutate({ file: f, signal: controller.signal, onProgress: (sent, total) => setProgress({ sent, total }) });
  };

  const cancel = () => {
    abort.current?.abort();
    abort.current = null;
    // The request is gone; what it answers now (a cancel) is no news to the user.
    upload.reset();
    setFile(null);
    setProgress(null);
    setCancelled(true);
  };

  return { start, cancel, file, progress, cancelled, problem: refused ?? upload.error, busy };
}
