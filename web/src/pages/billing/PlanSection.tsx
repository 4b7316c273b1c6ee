import { useMe } from '../../api/auth';
import { usePortal } from '../../api/billing';
import { useCatalog, useCheckout } from '../../api/credits';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatMoney } from '../../components/format';

const tierNames = { free: 'Free', pro: 'Pro', enterprise: 'Enterprise' } as const;

/** The tier; for Pro its credits and Stripe's portal to change or cancel it, for Free the offer of Pro. */
export default function PlanSection() {
  const me = useMe();
  const catalog = useCatalog();
  const checkout = useCheckout();
  const portal = usePortal();
  const busy = checkout.isPending || portal.isPending;
  if (me.isPending || catalog.isPending) return <Spinner label="Loading your plan" />;
  if (catalog.error) return <ProblemAlert error={catalog.error} />;
  const tier = me.data?.tier ?? 'free';
  const { plan, currency } = catalog.data;
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">Plan</h2>
      <div className="card plan-card">
        <p className="plan-tier">
          Your plan: <strong data-testid="tier">{tierNames[tier]}</strong>
        </p>
        {tier === 'pro' && (
          <>
            <p>
              {plan.monthlyCredits.toLocaleString()} credits every {plan.interval}, bigger budgets, a faster queue and more storage, for{' '}
              {formatMoney(plan.priceCents, currency)} a {plan.interval}. Change the card, see invoices or cancel in Stripe's billing portal.
            </p>
            <button
              type="button"
              disabled={busy}
              onClick={() => portal.mutate(undefined, { onSuccess: ({ url }) => window.location.assign(url) })}
            >
              Manage subscription
            </button>
          </>
        )}
        {tier === 'free' && (
          <>
            <p>
              {plan.name}: {plan.monthlyCredits.toLocaleString()} credits every {plan.interval}, bigger budgets, a faster queue and more
              storage, for {formatMoney(plan.priceCents, currency)} a {plan.interval}. Cancel any time.
            </p>
            <button
              type="button"
              disabled={busy}
              onClick={() => checkout.mutate({ plan: plan.id }, { onSuccess: ({ url }) => window.location.assign(url) })}
            >
              Upgrade to Pro
            </button>
          </>
        )}
        {tier === 'enterprise' && <p>Your plan and its invoices are arranged with us directly; write to support to change them.</p>}
        <ProblemAlert error={checkout.error ?? portal.error} />
      </div>
    </section>
  );
}
