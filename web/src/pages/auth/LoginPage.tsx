import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLogin } from '../../api/auth';
import AuthForm from './AuthForm';
import { nextPath } from './nextPath';

export default function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // Where the user comes from: a reset password page, or the account they just deleted.
  const notice = search.has('passwordReset')
    ? 'Your password was changed. Sign in with the new one.'
    : search.has('accountDeleted')
      ? 'Your account was deleted.'
      : undefined;
  return (
    <AuthForm
      title="Sign in"
      submitLabel="Sign in"
      pending={login.isPending}
      error={login.error}
      autoCompletePassword="current-password"
      notice={notice}
      afterForm={
        <p style={{ marginBottom: 0 }}>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      }
      onSubmit={(c) => login.mutate(c, { onSuccess: () => void navigate(nextPath(search), { replace: true }) })}
      footer={
        <>
          New to AutoMl? <Link to={`/signup${search.size ? '?' + search.toString() : ''}`}>Create an account</Link>
        </>
      }
    />
  );
}
