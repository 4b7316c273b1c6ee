import { Link, useNavigate, useSearchParams } from 'react-router';
import { useLogin } from '../../api/auth';
import AuthForm from './AuthForm';
import { nextPath } from './nextPath';

export default function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  return (
    <AuthForm
      title="Sign in"
      submitLabel="Sign in"
      pending={login.isPending}
      error={login.error}
      autoCompletePassword="current-password"
      onSubmit={(c) => login.mutate(c, { onSuccess: () => navigate(nextPath(search), { replace: true }) })}
      footer={
        <>
          New to AutoMl? <Link to={`/signup${search.size ? '?' + search.toString() : ''}`}>Create an account</Link>
        </>
      }
    />
  );
}
