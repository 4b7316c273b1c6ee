import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useConfirmEmailChange } from '../../api/account';
import { useMe } from '../../api/auth';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import PublicPage from '../../components/PublicPage';
import Spinner from '../../components/Spinner';

/** Opened from the link mailed to the new address (?userId=…&email=…&token=…), signed in or not. */
export default function ConfirmEmailChangePage() {
  const [search] = useSearchParams();
  const userId = search.get('userId');
  const email = search.get('email');
  const token = search.get('token');
  const confirm = useConfirmEmailChange();
  const me = useMe();
  const sent = useRef(false);

  useEffect(() => {
    // StrictMode runs effects twice in development; the token is single-use.
    if (userId && email && token && !sent.current) {
      sent.current = true;
      confirm.mutate({ userId, email, token });
    }
  }, [userId, email, token, confirm]);

  const complete = Boolean(userId && email && token);
  return (
    <PublicPage className="auth-page">
      <p className="brand">AutoMl</p>
      <div className="card">
        <PageHeading title="Confirm your new email address" />
        {!complete && (
          <div className="alert" role="alert">
            This link is incomplete. Copy the whole link from the email, or ask for a new one on the Settings page.
          </div>
        )}
        {complete && confirm.isPending && <Spinner label="Changing your email address" />}
        {confirm.isSuccess && (
          <div className="notice" role="status">
            Your email address is now {email}. Sign in with it from now on.{' '}
            {me.data ? <Link to="/settings">Back to Settings</Link> : <Link to="/login">Sign in</Link>}.
          </div>
        )}
        <ProblemAlert error={confirm.error} />
      </div>
    </PublicPage>
  );
}
