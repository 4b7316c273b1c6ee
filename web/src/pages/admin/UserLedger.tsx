import type { useUserLedger } from '../../api/admin';
import LoadMore from '../../components/LoadMore';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { kindLabels, signed } from '../credits/entryFormat';
import Section from '../../components/Section';

/** The user's credit ledger as the Credits page shows it to them, with every reference. */
export default function UserLedger({ ledger }: { ledger: ReturnType<typeof useUserLedger> }) {
  const rows = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title="Ledger">
      {ledger.isPending && <Spinner label="Loading the ledger" />}
      {ledger.data && rows.length === 0 && <p>No ledger entries yet.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Credits
                </th>
                <th scope="col" className="num hide-phone">
                  Held
                </th>
                <th scope="col" className="num">
                  Balance after
                </th>
                <th scope="col" className="hide-phone">
                  Reference
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDate(e.createdAt)}</td>
                  <td>{kindLabels[e.kind] ?? e.kind}</td>
                  <td className="num">{e.amount === 0 ? '—' : signed(e.amount)}</td>
                  <td className="num hide-phone">{e.heldChange === 0 ? '—' : signed(e.heldChange)}</td>
                  <td className="num">{e.balanceAfter.toLocaleString()}</td>
                  <td className="hide-phone muted anywhere">{e.reference}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ProblemAlert error={ledger.error} />
      <LoadMore query={ledger} />
    </Section>
  );
}
