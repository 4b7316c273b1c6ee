import { Link } from 'react-router';
import { useCredits } from '../../api/credits';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';

/** Balance, held, available and owed, as the Credits and Billing pages both show them. */
export default function BalanceStats() {
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
