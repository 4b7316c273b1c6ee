import { useEndpointAlerts } from '../../api/monitoring';
import LoadMore from '../../components/LoadMore';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatWhen } from '../jobs/jobFormat';
import { alertKindText, windowLabel } from './monitoringFormat';

/** The endpoint's alerts, newest first: drift (two windows in a row past the alert line) and data quality (at once). */
export default function AlertsList({ name }: { name: string }) {
  const alerts = useEndpointAlerts(name);
  const items = alerts.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {alerts.isPending && <Spinner label="Loading the alerts" />}
      <ProblemAlert error={alerts.error} />
      {alerts.data && items.length === 0 && <p className="muted">No alerts: nothing the endpoint was sent has raised one.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="alerts-table">
            <caption className="visually-hidden">Alerts of the endpoint, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Feature</th>
                <th scope="col">Message</th>
                <th scope="col">Window (UTC)</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} data-kind={a.kind}>
                  <td className="nowrap">
                    <span className={`level-badge ${a.kind === 'drift' ? 'alert' : 'warn'}`}>{alertKindText(a.kind)}</span>
                  </td>
                  <td className="mono">{a.feature}</td>
                  <td className="break-word">{a.message}</td>
                  <td className="nowrap">{windowLabel(a.windowStart)}</td>
                  <td className="nowrap">{formatWhen(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={alerts} />
    </>
  );
}
