import { useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { useUploadDataset } from '../../api/datasets';
import ProblemAlert from '../../components/ProblemAlert';
import UploadProgress from './UploadProgress';
import { ACCEPT } from './uploadLimits';
import { useUploadFlow } from './useUploadFlow';

/**
 * Drag-and-drop (or pick) a file; shows the upload's real progress and then a link to the new data set. A file the
 * tier cannot take is refused before it is sent, and an upload can be cancelled.
 */
export default function UploadBox() {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadDataset();
  const flow = useUploadFlow(upload);
  const start = flow.start;

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
      <UploadProgress flow={flow} pending={upload.isPending} />
      {upload.isSuccess && (
        <div className="notice" role="status" style={{ marginTop: '0.8rem', marginBottom: 0 }}>
          Uploaded. <Link to={`/datasets/${upload.data.id}`}>Open {upload.data.name}</Link> to see its profile once it is ingested.
        </div>
      )}
      {flow.cancelled && (
        <div className="notice" role="status" style={{ marginTop: '0.8rem', marginBottom: 0 }}>
          Upload cancelled: nothing was stored.
        </div>
      )}
      {flow.problem && (
        <div style={{ marginTop: '0.8rem' }}>
          <ProblemAlert error={flow.problem} />
        </div>
      )}
    </div>
  );
}
