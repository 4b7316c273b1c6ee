import { Link } from 'react-router';
import type { DatasetVersion } from '../../api/types';
import { formatDate } from '../../components/format';
import StatusChip from './StatusChip';
import { versionChanges } from './versionFormat';
import './versions.css';

/**
 * A data set's versions, newest first, each linking to its own page; the one on screen (`current`) is marked. The schema
 * changes come before the rows and dates, so a phone shows them without a swipe sideways.
 */
export default function VersionsTable({ versions, current }: { versions: DatasetVersion[]; current: string }) {
  return (
    <div className="table-wrap">
      <table className="versions" aria-label="Versions">
        <thead>
          <tr>
            <th>Version</th>
            <th>Status</th>
            <th>Schema changes</th>
            <th className="num">Rows</th>
            <th>Uploaded</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const here = v.id === current;
            return (
              <tr key={v.id} data-testid="version-row" data-version={v.version} className={here ? 'current' : undefined}>
                <td className="nowrap">
                  {here ? (
                    <strong aria-current="page">
                      v{v.version} <span className="muted small">(this page)</span>
                    </strong>
                  ) : (
                    <Link to={`/datasets/${v.id}`} aria-label={`Version ${v.version}`}>
                      v{v.version}
                    </Link>
                  )}
                </td>
                <td>
                  <StatusChip status={v.status} />
                </td>
                <td className="changes" data-testid="version-changes" title={v.status === 'failed' ? (v.error ?? undefined) : undefined}>
                  {versionChanges(v)}
                </td>
                <td className="num">{v.rows?.toLocaleString() ?? '—'}</td>
                <td className="nowrap">{formatDate(v.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
