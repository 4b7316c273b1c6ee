import type { StorageUsage } from '../../api/types';
import { formatBytes } from '../../components/format';

/** The file types the API reads (by extension), for a file picker's accept. */
export const ACCEPT = '.csv,.tsv,.txt,.parquet,.jsonl,.ndjson,.json,text/csv';

/** Why a file cannot be uploaded under the tier's limits, said before a byte is sent; null when it fits. */
export function refusalBeforeUpload(file: { name: string; size: number }, usage: StorageUsage): string | null {
  const size = formatBytes(file.size);
  if (file.size > usage.maxUploadBytes) {
    return `${file.name} is ${size}; the ${usage.tier} tier takes files up to ${formatBytes(usage.maxUploadBytes)}. Nothing was sent.`;
  }
  if (file.size > usage.availableBytes) {
    return (
      `${file.name} is ${size}, but only ${formatBytes(usage.availableBytes)} of your ${formatBytes(usage.quotaBytes)} storage is left. ` +
      'Delete data sets you no longer need, or upgrade. Nothing was sent.'
    );
  }
  return null;
}
