import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { meKey } from '../../api/auth';
import { useCheckoutCredits } from '../../api/billing';
import { creditsKey } from '../../api/credits';
import type { CreditEntry } from '../../api/types';

/** Stripe's webhook usually lands within seconds; past this the page says so, and keeps waiting. */
const lateAfterMs = 60_000;
/** The fallback for a page that missed the credits.changed event (a dropped socket). */
const pollMs = 3_000;
/** A plan's first invoice is recent; an older grant belongs to an earlier subscription. */
const planGrantMaxAgeMs = 24 * 3600_000;

/** What Stripe's Checkout sends the user back to: /billing?checkout=success&session_id=… or ?checkout=cancelled. */
export default function CheckoutReturn() {
  const [params] = useSearchParams();
  const state = params.get('checkout');
  if (state === 'cancelled') {
    return (
      <div className="warning" role="status">
        Checkout cancelled: nothing was charged.
      </div>
    );
  }
  if (state !== 'success') return null;
  return <PaymentReceived sessionId={params.get('session_id') ?? ''} plan={params.get('plan')} />;
}

function PaymentReceived({ sessionId, plan }: { sessionId: string; plan: string | null }) {
  const client = useQueryClient();
  const [late, setLate] = useState(false);
  // A pack's purchase names its Checkout session; a plan's credits come with its first invoice, a grant.
  const [match] = useState(() =>
    plan
      ? (e: CreditEntry) => e.kind === 'grant' && e.reference.includes('(Stripe in_') && Date.now() - Date.parse(e.createdAt) < planGrantMaxAgeMs
      : (e: CreditEntry) => e.kind === 'purchase' && sessionId !== '' && e.reference.includes(`Stripe ${sessionId}`),
  );
  const credited = useCheckoutCredits(`${sessionId}:${plan ?? 'pack'}`, match, pollMs);
  const entry = credited.data;

  useEffect(() => {
    const timer = setTimeout(() => setLate(true), lateAfterMs);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    // Found by the poll rather than the event: the balance, history and plan shown must catch up too.
    if (!entry) return;
    void client.invalidateQueries({ queryKey: creditsKey });
    if (plan) void client.invalidateQueries({ queryKey: meKey });
  }, [client, entry, plan]);

  if (entry) {
    return (
      <div className="notice" role="status">
        Payment received: {entry.amount.toLocaleString()} credits added.
      </div>
    );
  }
  return (
    <div className="notice" role="status">
      {late
        ? 'Payment received. Your credits have not arrived yet: they will show here by themselves, and your receipt email confirms them.'
        : 'Payment received, adding credits…'}
    </div>
  );
}
