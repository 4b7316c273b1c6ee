import type { DatasetStatus } from '../../api/types';

const labels: Record<DatasetStatus, string> = {
  uploading: 'Uploading',
  ingesting: 'Ingesting',
  ready: 'Ready',
  failed: 'Failed',
};

export default function StatusChip({ status }: { status: DatasetStatus }) {
  return <span className={`chip ${status}`}>{labels[status] ?? status}</span>;
}
