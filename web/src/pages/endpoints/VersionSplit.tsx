import { versionShares } from '../registry/registryFormat';

/** How many requests each version answered: a table with a bar per version. */
export default function VersionSplit({ counts }: { counts: Record<string, number> }) {
  const shares = versionShares(counts);
  if (shares.length === 0) return <p className="muted">No requests answered in the last 24 hours.</p>;
  return (
    <div className="table-wrap">
      <table className="probabilities version-split">
        <caption className="visually-hidden">Requests answered per version in the last 24 hours</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col" className="num">Requests</th>
            <th scope="col" className="num">Share</th>
            <th scope="col">
              <span className="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.version}>
              <th scope="row">v{s.version}</th>
              <td className="num">{s.requests.toLocaleString()}</td>
              <td className="num">{s.percent.toFixed(1)}%</td>
              <td className="bar-cell" aria-hidden="true">
                <span style={{ width: `${s.percent}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
