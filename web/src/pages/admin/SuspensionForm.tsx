import { useState } from 'react';
import { useSuspend, useUnsuspend } from '../../api/admin';
import ConfirmButton from '../../components/ConfirmButton';
import ProblemAlert from '../../components/ProblemAlert';
import Section from '../../components/Section';

/**
 * Suspending signs the user out everywhere, refuses their sign-ins and API keys and cancels their jobs until an admin
 * unsuspends them; it asks first, unsuspending does not.
 */
export default function SuspensionForm({ userId, email, suspended }: { userId: string; email: string; suspended: boolean }) {
  const suspend = useSuspend(userId);
  const unsuspend = useUnsuspend(userId);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const pending = suspend.isPending || unsuspend.isPending;

  const doSuspend = () => {
    setDone(null);
    suspend.mutate(reason.trim(), {
      onSuccess: () => {
        setReason('');
        setDone('The account is suspended.');
      },
    });
  };
  const doUnsuspend = () => {
    setDone(null);
    unsuspend.mutate(undefined, { onSuccess: () => setDone('The account is active again.') });
  };

  return (
    <Section title="Suspension">
      {done && (
        <div className="notice" role="status">
          {done}
        </div>
      )}
      {missing && (
        <div className="alert" role="alert">
          Say why the account is suspended: the user and the other admins will read it.
        </div>
      )}
      <ProblemAlert error={suspend.error ?? unsuspend.error} />
      {suspended ? (
        <div className="stack">
          <p className="muted" style={{ margin: 0 }}>
            The user cannot sign in or use their API keys, and no job of theirs starts, until the account is active again.
          </p>
          <div>
            <button type="button" disabled={pending} onClick={doUnsuspend}>
              Unsuspend account
            </button>
          </div>
        </div>
      ) : (
        <div className="stack">
          <label>
            Reason
            <input
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setMissing(false);
              }}
              maxLength={300}
            />
          </label>
          <div>
            {reason.trim() === '' ? (
              <button type="button" className="danger" disabled={pending} onClick={() => setMissing(true)}>
                Suspend account
              </button>
            ) : (
              <ConfirmButton
                label="Suspend account"
                className="danger"
                disabled={pending}
                dialogLabel="Suspend"
                question={`Suspend ${email}? They are signed out everywhere at once, their queued jobs are cancelled with their credits released, running ones stop, and their sign-ins and API keys are refused until you unsuspend the account.`}
                confirmLabel="Suspend"
                onConfirm={doSuspend}
              />
            )}
          </div>
        </div>
      )}
    </Section>
  );
}
