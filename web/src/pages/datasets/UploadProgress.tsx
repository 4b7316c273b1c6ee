import ProgressBar from '../../components/ProgressBar';
import { formatBytes } from '../../components/format';
import type { UploadFlow } from './useUploadFlow';

/** The file being sent, the upload's progress bar and, while it runs, its cancel button. */
export default function UploadProgress({ flow, pending }: { flow: UploadFlow; pending: boolean }) {
  const { file, progress } = flow;
  if (!file || !progress) return null;
  return (
    <div style={{ marginTop: '0.8rem' }}>
      <p style={{ margin: '0 0 0.3rem' }}>
        {file.name} <span className="muted">({formatBytes(file.size)})</span>
      </p>
      <ProgressBar label="Upload" value={progress.total > 0 ? progress.sent / progress.total : 1} />
      {pending && (
        <button type="button" className="secondary small" style={{ marginTop: '0.5rem' }} onClick={flow.cancel}>
          Cancel upload
        </button>
      )}
    </div>
  );
}
