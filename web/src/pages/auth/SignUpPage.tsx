import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSignUp } from '../../api/auth';
import AuthForm from './AuthForm';
import { nextPath } from './nextPath';

/** The server refuses a sign-up without both boxes and records the version of the terms they accept (Consent.TermsVersion). */
const MINIMUM_AGE = 16;

export default function SignUpPage() {
  const signUp = useSignUp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [confirmAge, setConfirmAge] = useState(false);
  return (
    <AuthForm
      title="Create your account"
      submitLabel="Sign up"
      pending={signUp.isPending}
      error={signUp.error}
      autoCompletePassword="new-password"
      passwordHint="At least 10 characters."
      onSubmit={(c) =>
        signUp.mutate({ ...c, acceptTerms, confirmAge }, { onSuccess: () => void navigate(nextPath(search), { replace: true }) })
      }
      extraFields={
        <>
          <label className="checkbox">
            <input type="checkbox" name="acceptTerms" checked={acceptTerms} onChange={(e) => setAcceptTerms(e.target.checked)} />
            <span>
              I accept the terms of service and the data-processing notice
            </span>
          </label>
          <label className="checkbox">
            <input type="checkbox" name="confirmAge" checked={confirmAge} onChange={(e) => setConfirmAge(e.target.checked)} />
            <span>I am at least {MINIMUM_AGE} years old</span>
          </label>
        </>
      }
      footer={
        <>
          Already have an account? <Link to={`/login${search.size ? '?' + search.toString() : ''}`}>Sign in</Link>
        </>
      }
    />
  );
}
