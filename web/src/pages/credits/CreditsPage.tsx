import { Link } from 'react-router';
import { useAdRewards, useCatalog, useCheckout, useCreditEntries, useCredits } from '../../api/credits';
import type { CreditEntryKind } from '../../api/types';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate, formatMoney } from '../../components/format';

const kindLabels: Record<CreditEntryKind, string> = {
  signupBonus: 'Sign-up bonus',
  grant: 'Grant',
  purchase: 'Purchase',
  adReward: 'Ad reward',
  capture: 'Job charge',
  refund: 'Refund',
  clawback: 'Clawback',
  hold: 'Hold',
  release: 'Release',
  owedSettlement: 'Owed settled',
  prediction: 'Online prediction',
};

function signed(n: number): string {
  return n > 0 ? `+${n.toLocaleString()}` : n.toLocaleString();
}

function Balance() {
  const credits = useCredits();
  if (credits.isPending) return <Spinner label="Loading balance" />;
  if (credits.error) return <ProblemAlert error={credits.error} />;
  const c = credits.data;
  const stats = [
    { label: 'Balance', value: c.balance },
    { label: 'Held by running jobs', value: c.held },
    { label: 'Available', value: c.available },
    { label: 'Owed', value: c.owed },
  ];
  return (
    <>
      {c.welcomeBonus === 'awaitingConfirmation' && (
        <div className="notice" role="status">
          Your welcome credits arrive when you confirm your email address. <Link to="/verify-email">Confirm it</Link>.
        </div>
      )}
      <div className="stats">
        {stats.map((s) => (
          <div className="stat" key={s.label}>
            <div className="label">{s.label}</div>
            <div className="value">{s.value.toLocaleString()}</div>
          </div>
        ))}
      </div>
    </>
  );
}

function Buy() {
  const catalog = useCatalog();
  const checkout = useCheckout();
  const buy = (choice: { pack?: string; plan?: string }) =>
    checkout.mutate(choice, { onSuccess: ({ url }) => window.location.assign(url) });
  if (catalog.isPending) return <Spinner label="Loading prices" />;
  if (catalog.error) return <ProblemAlert error={catalog.error} />;
  const c = catalog.data;
  return (
    <section aria-labelledby="buy-title">
      <h2 id="buy-title">Buy credits</h2>
      {!c.paymentsEnabled && <p className="muted">Payments are not set up on this server.</p>}
      <ProblemAlert error={checkout.error} />
      <div className="grid-2">
        {c.packs.map((p) => (
          <div className="card" key={p.id}>
            <strong>{p.name}</strong>
            <p className="muted" style={{ margin: '0.25rem 0 0.75rem' }}>
              {p.credits.toLocaleString()} credits for {formatMoney(p.priceCents, c.currency)}
            </p>
            <button type="button" disabled={checkout.isPending} onClick={() => buy({ pack: p.id })} aria-label={`Buy ${p.name}`}>
              Buy
            </button>
          </div>
        ))}
        <div className="card">
          <strong>{c.plan.name}</strong>
          <p className="muted" style={{ margin: '0.25rem 0 0.75rem' }}>
            {c.plan.monthlyCredits.toLocaleString()} credits every {c.plan.interval} for {formatMoney(c.plan.priceCents, c.currency)},
            bigger budgets and a faster queue
          </p>
          <button type="button" disabled={checkout.isPending} onClick={() => buy({ plan: c.plan.id })} aria-label={`Subscribe to ${c.plan.name}`}>
            Subscribe
          </button>
        </div>
      </div>
    </section>
  );
}

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
      {entries.hasNextPage && (
        <p>
          <button type="button" className="secondary" onClick={() => entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
            {entries.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </p>
      )}
    </section>
  );
}

export default function CreditsPage() {
  return (
    <section>
      <PageHeading title="Credits" />
      <p className="muted">Training and predictions spend credits; a running job holds its budget until it ends and is charged once.</p>
      <Balance />
      <Buy />
      <AdRewards />
      <History />
    </section>
  );
}
