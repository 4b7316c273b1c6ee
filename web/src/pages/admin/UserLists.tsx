// What the account holds, as an admin reads it: its jobs, data sets and API keys (revoked ones included).
import { useUserDatasets, useUserJobs, useUserKeys } from '../../api/admin';
import LoadMore from '../../components/LoadMore';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatBytes, formatDate } from '../../components/format';
import StatusChip from '../datasets/StatusChip';
import { formatScore, shortId } from '../jobs/jobFormat';
import Section from '../../components/Section';

export function UserJobs({ userId }: { userId: string }) {
  const jobs = useUserJobs(userId);
  const rows = jobs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title="Jobs">
      {jobs.isPending && <Spinner label="Loading jobs" />}
      <ProblemAlert error={jobs.error} />
      {jobs.data && rows.length === 0 && <p>No jobs.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Status</th>
                <th scope="col" className="hide-phone">
                  Target
                </th>
                <th scope="col" className="num hide-phone">
                  Best score
                </th>
                <th scope="col" className="num">
                  Credits
                </th>
                <th scope="col" className="hide-phone">
                  Created
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((j) => (
                <tr key={j.id}>
                  <th scope="row">
                    <code title={j.id}>{shortId(j.id)}</code> <span className="muted">{j.kind}</span>
                  </th>
                  <td>
                    {j.status}
                    {j.error && <div className="muted small">{j.error}</div>}
                  </td>
                  <td className="hide-phone">{j.target ?? '—'}</td>
                  <td className="num hide-phone">{formatScore(j.bestScore)}</td>
                  <td className="num">{(j.chargedCredits || j.heldCredits).toLocaleString()}</td>
                  <td className="nowrap hide-phone">{formatDate(j.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={jobs} />
    </Section>
  );
}

export function UserDatasets({ userId }: { userId: string }) {
  const datasets = useUserDatasets(userId);
  const rows = datasets.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title="Data sets">
      {datasets.isPending && <Spinner label="Loading data sets" />}
      <ProblemAlert error={datasets.error} />
      {datasets.data && rows.length === 0 && <p>No data sets.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col" className="num hide-phone">
                  Rows
                </th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col" className="hide-phone">
                  Uploaded
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="anywhere">
                    {d.name} {d.version > 1 && <span className="muted">v{d.version}</span>}
                  </th>
                  <td>
                    <StatusChip status={d.status} />
                  </td>
                  <td className="num hide-phone">{d.rows?.toLocaleString() ?? '—'}</td>
                  <td className="num nowrap">{formatBytes(d.sizeBytes)}</td>
                  <td className="nowrap hide-phone">{formatDate(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={datasets} />
    </Section>
  );
}

export function UserKeys({ userId }: { userId: string }) {
  const keys = useUserKeys(userId);
  const rows = keys.data?.items ?? [];
  return (
    <Section title="API keys">
      {keys.isPending && <Spinner label="Loading API keys" />}
      <ProblemAlert error={keys.error} />
      {keys.data && rows.length === 0 && <p>No API keys.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col" className="hide-phone">
                  Last used
                </th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((k) => (
                <tr key={k.id}>
                  <th scope="row" className="anywhere">
                    {k.name} <code className="muted">{k.prefix}…</code>
                  </th>
                  <td>{k.scope}</td>
                  <td className="nowrap hide-phone">{formatDate(k.lastUsedAt)}</td>
                  <td>{k.revokedAt ? `Revoked ${formatDate(k.revokedAt)}` : 'Active'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
