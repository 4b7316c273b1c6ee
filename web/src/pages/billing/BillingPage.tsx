import { Link } from 'react-router';
import { useCreditsLive } from '../../api/creditsLive';
import PageHeading from '../../components/PageHeading';
import BalanceStats from '../credits/BalanceStats';
import CheckoutReturn from './CheckoutReturn';
import CreditPacks from './CreditPacks';
import PlanSection from './PlanSection';
import PurchaseHistory from './PurchaseHistory';
import StorageSection from './StorageSection';
import './billing.css';

export default function BillingPage() {
  useCreditsLive();
  return (
    <section>
      <PageHeading title="Billing" />
      <p className="muted">
        Your plan, credits and storage. Every ledger entry, job charges included, and the credits ads earned are on the{' '}
        <Link to="/credits">Credits</Link> page.
      </p>
      <CheckoutReturn />
      <PlanSection />
      <section aria-labelledby="balance-title">
        <h2 id="balance-title">Balance</h2>
        <BalanceStats />
      </section>
      <StorageSection />
      <CreditPacks />
      <PurchaseHistory />
    </section>
  );
}
