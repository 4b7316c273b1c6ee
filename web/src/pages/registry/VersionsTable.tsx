import { useState } from 'react';
import { Link } from 'react-router';
import type { ModelVersion } from '../../api/registry';
import { formatScore, formatWhen, shortId } from '../jobs/jobFormat';
import { metricName } from '../models/modelFormat';
import AliasBadges from './AliasBadges';

/** The versions, newest first, with two to tick and compare on the model comparison page. */
export default function VersionsTable({ versions }: { versions: ModelVersion[] }) {
  const [selected, setSelected] = useState<number[]>([]);
  const toggle = (v: number) => setSelected((s) => (s.includes(v) ? s.filter((x) => x !== v) : [...s, v].slice(-2)));
  const compared = versions.filter((v) => selected.includes(v.version)).sort((a, b) => a.version - b.version);
  return (
    <>
      <div className="table-wrap">
        <table className="versions-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Compare</span>
              </th>
              <th scope="col">Version</th>
              <th scope="col">Model</th>
              <th scope="col" className="num">Score</th>
              <th scope="col">Created</th>
              <th scope="col">Source</th>
              <th scope="col">Aliases</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>
                  <input type="checkbox" checked={selected.includes(v.version)} onChange={() => toggle(v.version)} aria-label={`Compare version ${v.version}`} />
                </td>
                <th scope="row">v{v.version}</th>
                <td>
                  <Link to={`/models/${v.modelId}`}>{v.target}</Link> <span className="mono muted small">{shortId(v.modelId)}</span>
                </td>
                <td className="num nowrap">
                  {formatScore(v.score)} <span className="muted small">{metricName(v.metric)}</span>
                </td>
                <td className="nowrap">{formatWhen(v.createdAt)}</td>
                <td>{v.source === 'job' ? <Link to={`/jobs/${v.jobId}`}>training job</Link> : 'added by hand'}</td>
                <td>
                  <AliasBadges aliases={v.aliases} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="compare-bar row" style={{ marginTop: '0.5rem' }}>
        {compared.length === 2 ? (
          <Link className="button secondary" to={`/models/compare?ids=${compared.map((v) => v.modelId).join(',')}`}>
            Compare v{compared[0].version} and v{compared[1].version}
          </Link>
        ) : (
          <span className="muted small" aria-live="polite">
            Tick two versions to compare their models.
          </span>
        )}
      </div>
    </>
  );
}
