import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSignUp } from '../../api/auth';
import AuthForm from './AuthForm';
import { nextPath } from './nextPath';

export default function SignUpPage() {
  const signUp = useSignUp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  return (
    <AuthForm
      title="Create your account"
      submitLabel="Sign up"
      pending={signUp.isPending}
      error={signUp.error}
      autoCompletePassword="new-password"
      passwordHint="At least 10 characters."
      onSubmit={(c) => signUp.mutate(c, { onSuccess: () => void navigate(nextPath(search), { replace: true }) })}
      footer={
        <>
          Already have an account? <Link to={`/login${search.size ? '?' + search.toString() : ''}`}>Sign in</Link>
        </>
      }
    />
  );
}
