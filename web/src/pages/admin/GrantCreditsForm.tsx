import { useState, type FormEvent } from 'react';
import { useAdjustCredits } from '../../api/admin';
import ProblemAlert from '../../components/ProblemAlert';
import { parseCredits } from './adminFormat';
import Section from '../../components/Section';

/** Grants credits (or takes them back with a negative amount); the reason goes to the ledger and the audit trail. */
export default function GrantCreditsForm({ userId }: { userId: string }) {
  const adjust = useAdjustCredits(userId);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  // One key per intended grant: a double click or a retry after a lost answer is counted once.
  const [key, setKey] = useState(() => crypto.randomUUID());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const credits = parseCredits(amount);
    if (credits === null) {
      setInvalid('Enter a whole number of credits other than 0 (a negative number takes credits back).');
      return;
    }
    setInvalid(null);
    adjust.mutate(
      { request: { amount: credits, reason: reason.trim() }, key },
      {
        onSuccess: () => {
          setAmount('');
          setReason('');
          setKey(crypto.randomUUID());
        },
      },
    );
  };

  return (
    <Section title="Grant credits">
      {adjust.isSuccess && !invalid && (
        <div className="notice" role="status">
          Done: the balance is now {adjust.data.balance.toLocaleString()} credits.
        </div>
      )}
      {invalid && (
        <div className="alert" role="alert">
          {invalid}
        </div>
      )}
      <ProblemAlert error={adjust.error} />
      <form className="stack" onSubmit={submit} noValidate>
        <label>
          Credits
          <input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} aria-describedby="grant-help" />
        </label>
        <p id="grant-help" className="muted small" style={{ margin: 0 }}>
          A negative number takes credits back (never more than the user has available).
        </p>
        <label>
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
        </label>
        <div>
          <button type="submit" disabled={adjust.isPending}>
            Grant credits
          </button>
        </div>
      </form>
    </Section>
  );
}
