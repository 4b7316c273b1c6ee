import { useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { ProblemError } from '../../api/client';
import { useFreshStorageUsage, useUploadDataset } from '../../api/datasets';
import ProblemAlert from '../../components/ProblemAlert';
import ProgressBar from '../../components/ProgressBar';
import { formatBytes } from '../../components/format';
import { refusalBeforeUpload } from './uploadLimits';

const ACCEPT = '.csv,.tsv,.txt,.parquet,.jsonl,.ndjson,.json,text/csv';

/**
 * Drag-and-drop (or pick) a file; shows the upload's real progress and then a link to the new data set. A file the
 * tier cannot take is refused before it is sent, and an upload can be cancelled.
 */
export default function UploadBox() {
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<ProblemError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [checking, setChecking] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const upload = useUploadDataset((sent, total) => setProgress({ sent, total }));
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
    upload.mutate({ file: f, signal: controller.signal });
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

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void start(e.dataTransfer.files[0]);
  };

  return (
    <div className="card">
      <div
        className={over ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        onClick={() => input.current?.click()}
      >
        <p style={{ margin: 0 }}>
          <strong>Drop a CSV, TSV, Parquet or JSON-lines file here</strong>
          <br />
          or{' '}
          <label className="inline-label" onClick={(e) => e.stopPropagation()}>
            <span className="link">choose a file</span>
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              className="visually-hidden"
              aria-label="Choose a data set file"
              onChange={(e) => {
                void start(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
        </p>
      </div>
      {file && progress && (
        <div style={{ marginTop: '0.8rem' }}>
          <p style={{ margin: '0 0 0.3rem' }}>
            {file.name} <span className="muted">({formatBytes(file.size)})</span>
          </p>
          <ProgressBar label="Upload" value={progress.total > 0 ? progress.sent / progress.total : 1} />
          {upload.isPending && (
            <button type="button" className="secondary small" style={{ marginTop: '0.5rem' }} onClick={cancel}>
              Cancel upload
            </button>
          )}
        </div>
      )}
      {upload.isSuccess && (
        <div className="notice" role="status" style={{ marginTop: '0.8rem', marginBottom: 0 }}>
          Uploaded. <Link to={`/datasets/${upload.data.id}`}>Open {upload.data.name}</Link> to see its profile once it is ingested.
        </div>
      )}
      {cancelled && (
        <div className="notice" role="status" style={{ marginTop: '0.8rem', marginBottom: 0 }}>
          Upload cancelled: nothing was stored.
        </div>
      )}
      {(refused ?? upload.error) && (
        <div style={{ marginTop: '0.8rem' }}>
          <ProblemAlert error={refused ?? upload.error} />
        </div>
      )}
    </div>
  );
}
