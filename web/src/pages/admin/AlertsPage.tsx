import { useState } from 'react';
import { ProblemError } from '../../api/client';
import { usePlatformAlerts, useReconciliation, type AlertStatus } from '../../api/operations';
import type { PlatformAlert } from '../../api/types';
import LoadMore from '../../components/LoadMore';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate, formatNumber } from '../../components/format';
import './alerts.css';

const STATUSES: { value: AlertStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'cleared', label: 'Cleared' },
  { value: 'all', label: 'All' },
];

/** What each rule's value counts, so "value 47 / threshold 30" reads as seconds, a share or a count. */
const UNITS: Record<string, (v: number) => string> = {
  'queue-wait-free': (v) => `${formatNumber(v, 3)} s`,
  'queue-wait-pro': (v) => `${formatNumber(v, 3)} s`,
  'queue-wait-enterprise': (v) => `${formatNumber(v, 3)} s`,
  'job-error-rate': (v) => `${formatNumber(v * 100, 3)} %`,
  'disk-use': (v) => `${formatNumber(v, 3)} %`,
};

const measure = (rule: string, v: number) => (UNITS[rule] ?? ((x: number) => formatNumber(x, 6)))(v);

function AlertsTable({ alerts }: { alerts: PlatformAlert[] }) {
  return (
    <div className="table-wrap">
      <table className="alerts-table">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Severity</th>
            <th scope="col">Value / threshold</th>
            <th scope="col">Since</th>
            <th scope="col">State</th>
            <th scope="col">Admins told</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-rule={a.rule}>
              <th scope="row">
                <span className="nowrap">{a.rule}</span>
                <div className="muted alert-message">{a.message}</div>
              </th>
              <td>
                <span className={`severity severity-${a.severity}`}>{a.severity}</span>
              </td>
              <td className="nowrap">
                {measure(a.rule, a.value)} / {measure(a.rule, a.threshold)}
              </td>
              <td className="nowrap">
                {formatDate(a.firstSeenAt)}
                <div className="muted">last seen {formatDate(a.lastSeenAt)}</div>
              </td>
              <td className="nowrap">{a.clearedAt ? `cleared ${formatDate(a.clearedAt)}` : <strong>open</strong>}</td>
              <td className="nowrap">{a.notifiedAt ? formatDate(a.notifiedAt) : <span className="muted">not yet (cool-down)</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LastReconciliation() {
  const run = useReconciliation();
  return (
    <section className="card alerts-reconciliation" aria-labelledby="reconciliation-title">
      <h2 id="reconciliation-title">Last reconciliation</h2>
      {run.isPending && <Spinner label="Loading the last reconciliation" />}
      <ProblemAlert error={run.error} />
      {run.data === null && <p>The ledger has not been reconciled yet: it runs every hour on a worker.</p>}
      {run.data && (
        <>
          <p data-testid="reconciliation-outcome">
            {run.data.balanced ? (
              <>
                <strong>Balanced</strong> at {formatDate(run.data.ranAt)}: every balance and hold equals the sum of its ledger entries.
              </>
            ) : (
              <>
                <strong className="severity-critical">Drift</strong> at {formatDate(run.data.ranAt)}: {run.data.drift.length} account(s) differ
                from their ledger entries. Nothing is repaired automatically.
              </>
            )}
          </p>
          {run.data.drift.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Account</th>
                    <th scope="col">Balance</th>
                    <th scope="col">Entries sum</th>
                    <th scope="col">Held</th>
                    <th scope="col">Holds sum</th>
                  </tr>
                </thead>
                <tbody>
                  {run.data.drift.map((d) => (
                    <tr key={d.userId}>
                      <th scope="row" className="break-word">
                        {d.userId}
                      </th>
                      <td>{d.balance}</td>
                      <td>{d.entriesSum}</td>
                      <td>{d.held}</td>
                      <td>{d.heldSum}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

export default function AlertsPage() {
  const [status, setStatus] = useState<AlertStatus>('open');
  const alerts = usePlatformAlerts(status);
  const items = alerts.data?.pages.flatMap((p) => p.items) ?? [];
  if (alerts.error instanceof ProblemError && alerts.error.status === 403) {
    return (
      <section>
        <PageHeading title="Not allowed" />
        <p role="alert">This page is for administrators: your account cannot see the platform's alerts.</p>
      </section>
    );
  }
  return (
    <section>
      <PageHeading title="Platform alerts" />
      <p className="muted">
        Rules checked every minute: ledger drift, jobs given up on, queue wait over each tier's target, jobs failing on our side, Stripe webhook
        failures, the email outbox's backlog and the data disk. Admins are emailed once when an alert opens; it clears by itself when its rule
        stops firing.
      </p>
      <div className="row alert-filter" role="group" aria-label="Show alerts">
        {STATUSES.map((s) => (
          <button key={s.value} type="button" className={s.value === status ? undefined : 'secondary'} aria-pressed={s.value === status}
            onClick={() => setStatus(s.value)}>
            {s.label}
          </button>
        ))}
      </div>
      {alerts.isPending && <Spinner label="Loading alerts" />}
      <ProblemAlert error={alerts.error} />
      {alerts.data && items.length === 0 && <p>{status === 'open' ? 'No open alerts: every rule is within its threshold.' : 'No alerts.'}</p>}
      {items.length > 0 && <AlertsTable alerts={items} />}
      <LoadMore query={alerts} />
      {alerts.data && <LastReconciliation />}
    </section>
  );
}
