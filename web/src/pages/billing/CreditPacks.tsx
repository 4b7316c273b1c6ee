import { useCatalog, useCheckout } from '../../api/credits';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatMoney } from '../../components/format';

/** One-off packs: each button opens Stripe Checkout for that pack. */
export default function CreditPacks() {
  const catalog = useCatalog();
  const checkout = useCheckout();
  if (catalog.isPending) return <Spinner label="Loading prices" />;
  if (catalog.error) return <ProblemAlert error={catalog.error} />;
  const c = catalog.data;
  return (
    <section aria-labelledby="packs-title">
      <h2 id="packs-title">Credit packs</h2>
      {!c.paymentsEnabled && <p className="muted">Payments are not configured on this server: packs cannot be bought here.</p>}
      <ProblemAlert error={checkout.error} />
      <div className="grid-2">
        {c.packs.map((p) => (
          <div className="card" key={p.id}>
            <strong>{p.name}</strong>
            <p className="muted pack-price">
              {p.credits.toLocaleString()} credits for {formatMoney(p.priceCents, c.currency)}
            </p>
            <button
              type="button"
              disabled={checkout.isPending}
              onClick={() => checkout.mutate({ pack: p.id }, { onSuccess: ({ url }) => window.location.assign(url) })}
            >
              Buy {p.name}
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
