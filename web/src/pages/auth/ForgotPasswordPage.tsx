import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useForgotPassword } from '../../api/account';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import PublicPage from '../../components/PublicPage';

export default function ForgotPasswordPage() {
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    forgot.mutate(address, { onSuccess: () => setSentTo(address) });
  };
  return (
    <PublicPage className="auth-page">
      <p className="brand">AutoMl</p>
      <div className="card">
        <PageHeading title="Reset your password" />
        <p className="muted">Enter the address you sign in with. We mail you a link to choose a new password; it works once, for a day.</p>
        <ProblemAlert error={forgot.error} />
        {sentTo && (
          <div className="notice" role="status">
            If an account exists for {sentTo}, we sent a link to reset its password.
          </div>
        )}
        <form className="stack" onSubmit={submit} noValidate>
          <label>
            Email
            <input type="email" name="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <button type="submit" disabled={forgot.isPending}>
            {forgot.isPending ? 'Please wait…' : 'Send reset link'}
          </button>
        </form>
      </div>
      <p>
        Remembered it? <Link to="/login">Sign in</Link>
      </p>
    </PublicPage>
  );
}
