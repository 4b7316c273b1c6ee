import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useResetPassword } from '../../api/account';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import PublicPage from '../../components/PublicPage';

/** Opened from the reset email's link (?email=…&token=…). */
export default function ResetPasswordPage() {
  const [search] = useSearchParams();
  const email = search.get('email');
  const token = search.get('token');
  const reset = useResetPassword();
  const navigate = useNavigate();
  const [newPassword, setNewPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!email || !token) return;
    reset.mutate({ email, token, newPassword }, { onSuccess: () => void navigate('/login?passwordReset=1', { replace: true }) });
  };
  return (
    <PublicPage className="auth-page">
      <p className="brand">AutoMl</p>
      <div className="card">
        <PageHeading title="Choose a new password" />
        {!email || !token ? (
          <div className="alert" role="alert">
            This link is incomplete. Copy the whole link from the email, or <Link to="/forgot-password">ask for a new one</Link>.
          </div>
        ) : (
          <>
            <p className="muted">
              For <strong>{email}</strong>. Every browser signed in to this account is signed out.
            </p>
            <ProblemAlert error={reset.error} />
            <form className="stack" onSubmit={submit} noValidate>
              {/* Lets a password manager file the new password under the right account. */}
              <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
              <label>
                New password
                <input
                  type="password"
                  name="new-password"
                  autoComplete="new-password"
                  value={newPassword}
                  onChange={(e) => setNewPassword(e.target.value)}
                  aria-describedby="new-password-hint"
                />
              </label>
              <span id="new-password-hint" className="muted">
                At least 10 characters; a few words make a good one.
              </span>
              <button type="submit" disabled={reset.isPending}>
                {reset.isPending ? 'Please wait…' : 'Set new password'}
              </button>
            </form>
          </>
        )}
      </div>
      <p>
        Link expired? <Link to="/forgot-password">Ask for a new one</Link>
      </p>
    </PublicPage>
  );
}
