import { useState, type FormEvent, type ReactNode } from 'react';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import PublicPage from '../../components/PublicPage';
import type { Credentials } from '../../api/auth';

/** The email + password form shared by sign-up and sign-in. */
export default function AuthForm({
  title,
  submitLabel,
  pending,
  error,
  passwordHint,
  autoCompletePassword,
  onSubmit,
  footer,
  notice,
  afterForm,
  extraFields,
}: {
  title: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  passwordHint?: string;
  autoCompletePassword: 'new-password' | 'current-password';
  onSubmit: (c: Credentials) => void;
  footer: ReactNode;
  notice?: ReactNode;
  afterForm?: ReactNode;
  /** Fields between the password and the button (sign-up's consent boxes). */
  extraFields?: ReactNode;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ email, password });
  };
  return (
    <PublicPage className="auth-page">
      <p className="brand">AutoMl</p>
      <div className="card">
        <PageHeading title={title} />
        {notice && (
          <div className="notice" role="status">
            {notice}
          </div>
        )}
        <ProblemAlert error={error} />
        {/* noValidate: the API's problem message is the one users see, the same as for API clients. */}
        <form className="stack" onSubmit={submit} noValidate>
          <label>
            Email
            <input type="email" name="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            Password
            <input
              type="password"
              name="password"
              autoComplete={autoCompletePassword}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby={passwordHint ? 'password-hint' : undefined}
            />
            {passwordHint && (
              <span id="password-hint" className="muted" style={{ fontWeight: 400 }}>
                {passwordHint}
              </span>
            )}
          </label>
          {extraFields}
          <button type="submit" disabled={pending}>
            {pending ? 'Please wait…' : submitLabel}
          </button>
        </form>
        {afterForm}
      </div>
      <p>{footer}</p>
    </PublicPage>
  );
}
