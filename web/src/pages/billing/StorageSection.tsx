import { useStorageUsage } from '../../api/datasets';
import ProblemAlert from '../../components/ProblemAlert';
import ProgressBar from '../../components/ProgressBar';
import Spinner from '../../components/Spinner';
import { formatBytes } from '../../components/format';

/** Storage against the tier's quota, and the tier's rule for unused data sets. */
export default function StorageSection() {
  const usage = useStorageUsage();
  return (
    <section aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      {usage.isPending ? (
        <Spinner label="Loading storage" />
      ) : usage.error ? (
        <ProblemAlert error={usage.error} />
      ) : (
        <div className="card">
          <p className="storage-used" data-testid="storage-used">
            {formatBytes(usage.data.usedBytes)} of {formatBytes(usage.data.quotaBytes)} used
            {usage.data.reservedBytes > 0 && `, ${formatBytes(usage.data.reservedBytes)} held by uploads in progress`}
          </p>
          <ProgressBar value={(usage.data.usedBytes + usage.data.reservedBytes) / usage.data.quotaBytes} label="Storage used" />
          <p className="muted">
            Files up to {formatBytes(usage.data.maxUploadBytes)} each. Data sets unused for {usage.data.retentionDays} days are deleted; we
            email you a week before.
          </p>
        </div>
      )}
    </section>
  );
}
