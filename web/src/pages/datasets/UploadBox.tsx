import { useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { useUploadDataset } from '../../api/datasets';
import ProblemAlert from '../../components/ProblemAlert';
import ProgressBar from '../../components/ProgressBar';
import { formatBytes } from '../../components/format';

const ACCEPT = '.csv,.tsv,.txt,.parquet,.jsonl,.ndjson,.json,text/csv';

/** Drag-and-drop (or pick) a file; shows the upload's real progress and then a link to the new data set. */
export default function UploadBox() {
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadDataset((sent, total) => setProgress({ sent, total }));

  const start = (f: File | undefined) => {
    if (!f || upload.isPending) return;
    setFile(f);
    setProgress({ sent: 0, total: f.size });
    upload.mutate(f);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    start(e.dataTransfer.files[0]);
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
                start(e.target.files?.[0]);
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
        </div>
      )}
      {upload.isSuccess && (
        <div className="notice" role="status" style={{ marginTop: '0.8rem', marginBottom: 0 }}>
          Uploaded. <Link to={`/datasets/${upload.data.id}`}>Open {upload.data.name}</Link> to see its profile once it is ingested.
        </div>
      )}
      {upload.error && (
        <div style={{ marginTop: '0.8rem' }}>
          <ProblemAlert error={upload.error} />
        </div>
      )}
    </div>
  );
}
