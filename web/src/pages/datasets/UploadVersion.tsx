import { useRef } from 'react';
import { Link } from 'react-router';
import { useDataset, useRefreshWhenSettled, useUploadVersion } from '../../api/datasets';
import type { Dataset } from '../../api/types';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import UploadProgress from './UploadProgress';
import { ACCEPT } from './uploadLimits';
import { useUploadFlow } from './useUploadFlow';
import { describeSchemaChanges } from './versionFormat';
import './versions.css';

/**
 * Upload a new version of the data set: the file is sent as a new data set's is (with the same progress bar), and the
 * new version is then followed until it is ready, with its schema changes, or could not be read, with why.
 */
export default function UploadVersion({ dataset }: { dataset: Dataset }) {
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadVersion(dataset.id);
  const flow = useUploadFlow(upload);
  return (
    <div className="card version-upload" data-testid="upload-version">
      <h3>Upload a new version</h3>
      <p className="muted small" style={{ marginTop: 0 }}>
        The file becomes the next version of {dataset.name}, with its own profile; the versions before it stay as they are, and jobs can
        train on any of them.
      </p>
      <label className="picker">
        <span className="button secondary" role="presentation">
          Choose a file…
        </span>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          className="visually-hidden"
          aria-label="Choose a file for the new version"
          disabled={flow.busy}
          onChange={(e) => {
            void flow.start(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <UploadProgress flow={flow} pending={upload.isPending} />
      {upload.isSuccess && <NewVersion id={upload.data.id} />}
      {flow.cancelled && (
        <div className="notice version-result" role="status">
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

/** The uploaded version, followed until it is read: ready with its schema changes, or failed with the reason. */
function NewVersion({ id }: { id: string }) {
  const version = useDataset(id);
  useRefreshWhenSettled(version.data?.status);
  if (version.error) return <ProblemAlert error={version.error} />;
  const v = version.data;
  if (!v || v.status === 'uploading' || v.status === 'ingesting') {
    return <Spinner label={v ? `Uploaded version ${v.version}: reading and profiling it` : 'Uploaded: reading the new version'} />;
  }
  const open = <Link to={`/datasets/${v.id}`}>Open version {v.version}</Link>;
  if (v.status === 'failed') {
    return (
      <div className="alert version-result" role="alert" data-testid="new-version-failed">
        <strong>Version {v.version} could not be read</strong>
        <p>{v.error}</p>
        <p>{open}</p>
      </div>
    );
  }
  return (
    <div className="notice version-result" role="status" data-testid="new-version-ready">
      Version {v.version} is ready{v.rows !== null && <>: {v.rows.toLocaleString()} rows</>}.{' '}
      {v.schemaChanges ? (
        <>
          Schema changes against version {v.schemaChanges.comparedWithVersion}: <strong>{describeSchemaChanges(v.schemaChanges)}</strong>.
        </>
      ) : (
        <>No earlier version was read to compare its columns with.</>
      )}{' '}
      {open}
    </div>
  );
}
