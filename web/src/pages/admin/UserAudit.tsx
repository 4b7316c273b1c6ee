import { useUserAudit } from '../../api/admin';
import LoadMore from '../../components/LoadMore';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { auditActionLabel } from '../../components/auditActions';
import { formatDate } from '../../components/format';
import Section from '../../components/Section';

/** The audit trail's rows about this account, newest first: what the user and the admins did to it. */
export default function UserAudit({ userId }: { userId: string }) {
  const events = useUserAudit(userId);
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title="Audit events">
      {events.isPending && <Spinner label="Loading audit events" />}
      <ProblemAlert error={events.error} />
      {events.data && items.length === 0 && <p>No audit events yet.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Outcome</th>
                <th scope="col" className="hide-phone">
                  From
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDate(e.at)}</td>
                  <th scope="row">
                    {auditActionLabel(e.action)}
                    {e.detail && <div className="muted anywhere">{e.detail}</div>}
                    <div className="muted small anywhere">by {e.actor}</div>
                  </th>
                  <td>{e.outcome}</td>
                  <td className="nowrap hide-phone">{e.address ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={events} />
    </Section>
  );
}
