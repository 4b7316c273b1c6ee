import { usePurchaseHistory } from '../../api/billing';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { kindLabels, signed } from '../credits/entryFormat';
import LoadMore from '../../components/LoadMore';

/** The ledger's reference ends with the Stripe object it came from; the product is what a person reads. */
function product(reference: string): string {
  return reference.replace(/\s*\(Stripe [^)]*\)$/, '');
}

/** Purchases, plan credits and what refunds or disputes took back, newest first, a page at a time. */
export default function PurchaseHistory() {
  const history = usePurchaseHistory();
  const rows = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="purchases-title">
      <h2 id="purchases-title">Purchase history</h2>
      {history.isPending ? (
        <Spinner label="Loading purchases" />
      ) : history.error && !history.data ? (
        <ProblemAlert error={history.error} />
      ) : rows.length === 0 ? (
        <p className="muted">No purchases yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>What</th>
                <th className="num">Credits</th>
                <th className="num hide-phone">Balance after</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-testid="purchase">
                  <td className="nowrap">{formatDate(e.createdAt)}</td>
                  <td>
                    {kindLabels[e.kind]}: {product(e.reference)}
                  </td>
                  <td className="num">{signed(e.amount)}</td>
                  <td className="num hide-phone">{e.balanceAfter.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {history.error && history.data && <ProblemAlert error={history.error} />}
      <LoadMore query={history} />
    </section>
  );
}
