import { useEndpointLogs, type PredictionLog } from '../../api/endpoints';
import LoadMore from '../../components/LoadMore';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatWhen, shortId } from '../jobs/jobFormat';
import { formatMs } from './endpointFormat';

/** A logged JSON value in one short line (an answer's label or value, the actual sent as feedback). */
function brief(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value) && value.length === 1) return brief(value[0]);
  if (typeof value === 'number') return String(Number(value.toPrecision(4)));
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  const v = value as Record<string, unknown>;
  if (typeof v.label === 'string') return v.label;
  if (typeof v.value === 'number') return brief(v.value);
  return JSON.stringify(value);
}

/** The endpoint's recent logged requests, newest first: the served answers and the shadow challenger's. */
export default function RequestLog({ name }: { name: string }) {
  const logs = useEndpointLogs(name);
  const items = logs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {logs.isPending && <Spinner label="Loading the logged requests" />}
      <ProblemAlert error={logs.error} />
      {logs.data && items.length === 0 && <p className="muted">No requests logged yet. Try the endpoint below.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="request-log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Request</th>
                <th scope="col">Role</th>
                <th scope="col">Version</th>
                <th scope="col" className="num">Rows</th>
                <th scope="col">Answer</th>
                <th scope="col" className="num">Latency</th>
                <th scope="col">Actual</th>
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <LogRow key={`${l.requestId}-${l.role}`} log={l} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={logs} />
    </>
  );
}

function LogRow({ log: l }: { log: PredictionLog }) {
  return (
    <tr>
      <td className="nowrap">{formatWhen(l.at)}</td>
      <td className="mono small">{shortId(l.requestId)}</td>
      <td>{l.role === 'shadow' ? <span className="alias-badge previous">shadow</span> : 'served'}</td>
      <td>v{l.version}</td>
      <td className="num">{l.rows}</td>
      <td className="break-word">{brief(l.outputs)}</td>
      <td className="num nowrap">{formatMs(l.latencyMs)}</td>
      <td className="break-word">{brief(l.actual)}</td>
    </tr>
  );
}
