import { useState, type FormEvent } from 'react';
import { useSetTier } from '../../api/admin';
import type { Tier } from '../../api/types';
import ProblemAlert from '../../components/ProblemAlert';
import { tierLabel, tiers } from './adminFormat';
import Section from '../../components/Section';

/** Moves the account to another plan (Enterprise only this way); the reason goes to the audit trail with old → new. */
export default function TierForm({ userId, tier }: { userId: string; tier: Tier }) {
  const setTier = useSetTier(userId);
  const [wanted, setWanted] = useState<Tier>(tier);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTier.mutate({ tier: wanted, reason: reason.trim() }, { onSuccess: () => setReason('') });
  };
  return (
    <Section title="Plan">
      {setTier.isSuccess && (
        <div className="notice" role="status">
          The plan is now {tierLabel(setTier.data.tier)}.
        </div>
      )}
      <ProblemAlert error={setTier.error} />
      <form className="stack" onSubmit={submit} noValidate>
        <label>
          Plan
          <select value={wanted} onChange={(e) => setWanted(e.target.value as Tier)}>
            {tiers.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
        </label>
        <div>
          <button type="submit" disabled={setTier.isPending || wanted === tier}>
            Set plan
          </button>
        </div>
      </form>
    </Section>
  );
}
