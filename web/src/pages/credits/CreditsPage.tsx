import { Link } from 'react-router';
import { useAdRewards, useCreditEntries } from '../../api/credits';
import { useCreditsLive } from '../../api/creditsLive';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate } from '../../components/format';
import BalanceStats from './BalanceStats';
import { kindLabels, signed } from './entryFormat';
import LoadMore from '../../components/LoadMore';

function AdRewards() {
  const rewards = useAdRewards();
  return (
    <section aria-labelledby="ads-title">
      <h2 id="ads-title">Ad rewards</h2>
      {rewards.isPending ? (
        <Spinner label="Loading ad rewards" />
      ) : rewards.error ? (
        <ProblemAlert error={rewards.error} />
      ) : (
        <div className="card">
          <p style={{ marginTop: 0 }}>
            Rewarded ads in the mobile app have earned you <strong>{rewards.data.totalCredits.toLocaleString()} credits</strong> from{' '}
            {rewards.data.count.toLocaleString()} {rewards.data.count === 1 ? 'ad' : 'ads'}.
          </p>
          {rewards.data.recent.length > 0 && (
            <ul className="plain-list">
              {rewards.data.recent.map((e) => (
                <li key={e.id}>
                  {formatDate(e.createdAt)}: {signed(e.amount)} credits
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function History() {
  const entries = useCreditEntries();
  if (entries.isPending) return <Spinner label="Loading history" />;
  if (entries.error && !entries.data) return <ProblemAlert error={entries.error} />;
  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>What</th>
              <th className="num">Credits</th>
              <th className="num hide-phone">Held</th>
              <th className="num">Balance after</th>
              <th className="hide-phone">Reference</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-testid="credit-entry">
                <td className="nowrap">{formatDate(e.createdAt)}</td>
                <td>{kindLabels[e.kind] ?? e.kind}</td>
                <td className="num">{e.amount === 0 ? '—' : signed(e.amount)}</td>
                <td className="num hide-phone">{e.heldChange === 0 ? '—' : signed(e.heldChange)}</td>
                <td className="num">{e.balanceAfter.toLocaleString()}</td>
                <td className="hide-phone muted">{e.reference}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.error && <ProblemAlert error={entries.error} />}
      <LoadMore query={entries} />
    </section>
  );
}

export default function CreditsPage() {
  useCreditsLive();
  return (
    <section>
      <PageHeading title="Credits" />
      <p className="muted">Training and predictions spend credits; a running job holds its budget until it ends and is charged once.</p>
      <BalanceStats />
      <p>
        Buy credit packs or the Pro plan, and see your purchases, on the <Link to="/billing">Billing</Link> page.
      </p>
      <AdRewards />
      <History />
    </section>
  );
}
