import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useConfirmEmail, useMe, useResendConfirmation } from '../../api/auth';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import PublicPage from '../../components/PublicPage';
import Spinner from '../../components/Spinner';

/** Opened from the confirmation email's link (?userId=…&token=…), or from the banner to send the link again. */
export default function VerifyEmailPage() {
  const [search] = useSearchParams();
  const userId = search.get('userId');
  const token = search.get('token');
  const confirm = useConfirmEmail();
  const resend = useResendConfirmation();
  const me = useMe();
  const sent = useRef(false);

  useEffect(() => {
    // StrictMode runs effects twice in development; a confirmation token is single-use.
    if (userId && token && !sent.current) {
      sent.current = true;
      confirm.mutate({ userId, token });
    }
  }, [userId, token, confirm]);

  return (
    <PublicPage className="auth-page">
      <p className="brand">AutoMl</p>
      <div className="card">
        <PageHeading title="Verify your email" />
        {userId && token && confirm.isPending && <Spinner label="Confirming your email address" />}
        {confirm.isSuccess && (
          <div className="notice" role="status">
            Your email address is confirmed.
            {me.data?.welcomeBonus === 'granted' && ' Your welcome credits are in your balance.'}{' '}
            <Link to="/datasets">Continue to your data sets</Link>.
          </div>
        )}
        <ProblemAlert error={confirm.error} />
        {!confirm.isSuccess && !(userId && token && confirm.isPending) && (
          <>
            {me.data?.emailVerified ? (
              <p>
                {me.data.email} is already confirmed. <Link to="/datasets">Go to your data sets</Link>.
              </p>
            ) : me.data ? (
              <div className="stack">
                <p>
                  We sent a confirmation link to <strong>{me.data.email}</strong>. Open it to confirm your address, or ask for
                  a new one.
                </p>
                {resend.isSuccess && (
                  <div className="notice" role="status">
                    A new confirmation link is on its way to {me.data.email}.
                  </div>
                )}
                <ProblemAlert error={resend.error} />
                <button type="button" onClick={() => resend.mutate()} disabled={resend.isPending}>
                  Resend the confirmation email
                </button>
              </div>
            ) : (
              !me.isPending && (
                <p>
                  <Link to="/login?next=%2Fverify-email">Sign in</Link> to send a new confirmation link.
                </p>
              )
            )}
          </>
        )}
      </div>
    </PublicPage>
  );
}
