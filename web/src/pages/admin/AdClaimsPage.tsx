import { useState } from 'react';
import { Link } from 'react-router';
import { useAdClaims, useReviewAdClaim } from '../../api/admin';
import type { AdClaim, AdClaimStatus } from '../../api/types';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate } from '../../components/format';
import AdminNav from './AdminNav';
import './admin.css';

const statuses: { value: AdClaimStatus; label: string }[] = [
  { value: 'held', label: 'Held for review' },
  { value: 'credited', label: 'Credited' },
  { value: 'capped', label: 'Capped' },
  { value: 'rejected', label: 'Rejected' },
];

/** One held claim: its risk and where it came from, with a note and the two decisions. */
function Review({ claim, onDecided }: { claim: AdClaim; onDecided: (message: string) => void }) {
  const review = useReviewAdClaim();
  const [note, setNote] = useState('');
  const decide = (approve: boolean) =>
    review.mutate(
      { id: claim.id, approve, note },
      {
        onSuccess: () =>
          onDecided(
            approve
              ? `Approved claim ${claim.transactionId}: ${claim.credits.toLocaleString()} credits went to the user.`
              : `Rejected claim ${claim.transactionId}.`,
          ),
      },
    );
  return (
    <div className="stack">
      <label>
        Note
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} aria-label={`Note on the claim of ${claim.transactionId}`} />
      </label>
      <div className="row">
        <button type="button" disabled={review.isPending} onClick={() => decide(true)}>
          Approve
        </button>
        <button type="button" className="secondary" disabled={review.isPending} onClick={() => decide(false)}>
          Reject
        </button>
      </div>
      <ProblemAlert error={review.error} />
    </div>
  );
}

export default function AdClaimsPage() {
  const [status, setStatus] = useState<AdClaimStatus>('held');
  const [decided, setDecided] = useState<string | null>(null);
  const claims = useAdClaims(status);
  const items = claims.data?.items ?? [];
  return (
    <section>
      <PageHeading title="Ad claims" />
      <AdminNav />
      <p className="muted">
        Rewarded-ad callbacks that scored as risky wait here: approving credits the user, rejecting records the decision. Both go to the audit
        trail with the note.
      </p>
      <label className="inline-label">
        Show{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as AdClaimStatus)}>
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {decided && (
        <div className="notice" role="status">
          {decided}
        </div>
      )}
      {claims.isPending && <Spinner label="Loading ad claims" />}
      <ProblemAlert error={claims.error} />
      {claims.data && items.length === 0 && <p>{status === 'held' ? 'No claims are waiting for review.' : 'No claims with this status.'}</p>}
      {items.length > 0 && (
        <ul className="claim-list" aria-label="Ad claims, newest first">
          {items.map((c) => (
            <li key={c.id} className="card" data-testid="ad-claim">
              <h2 className="claim-title anywhere">{c.transactionId}</h2>
              <dl className="facts">
                <dt>Received</dt>
                <dd>{formatDate(c.createdAt)}</dd>
                <dt>User</dt>
                <dd>
                  <Link to={`/admin/users/${c.userId}`}>Open the user's page</Link>
                </dd>
                <dt>Credits</dt>
                <dd>{c.credits.toLocaleString()}</dd>
                <dt>Risk</dt>
                <dd>
                  {c.riskScore}
                  {c.riskReasons && <span className="muted"> ({c.riskReasons})</span>}
                </dd>
                <dt>Source</dt>
                <dd>{[c.adUnit, c.deviceId, c.ip].filter(Boolean).join(' · ') || '—'}</dd>
                {c.status !== 'held' && (
                  <>
                    <dt>Reviewed</dt>
                    <dd>
                      {formatDate(c.reviewedAt)}
                      {c.reviewNote && <span className="muted"> ({c.reviewNote})</span>}
                    </dd>
                  </>
                )}
              </dl>
              {c.status === 'held' && <Review claim={c} onDecided={setDecided} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
