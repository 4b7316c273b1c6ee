import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from './api/auth';
import Layout from './components/Layout';
import Spinner from './components/Spinner';
import ProblemAlert from './components/ProblemAlert';

const SignUpPage = lazy(() => import('./pages/auth/SignUpPage'));
const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const VerifyEmailPage = lazy(() => import('./pages/auth/VerifyEmailPage'));
const KeysPage = lazy(() => import('./pages/keys/KeysPage'));
const CreditsPage = lazy(() => import('./pages/credits/CreditsPage'));
const DatasetsPage = lazy(() => import('./pages/datasets/DatasetsPage'));
const DatasetPage = lazy(() => import('./pages/datasets/DatasetPage'));
const TrainPage = lazy(() => import('./pages/training/TrainPage'));
const JobsPage = lazy(() => import('./pages/jobs/JobsPage'));
const JobPage = lazy(() => import('./pages/jobs/JobPage'));
const ModelPage = lazy(() => import('./pages/models/ModelPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

/** Pages behind sign-in: without a session the user goes to /login and comes back afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spinner label="Loading your account" />;
  if (me.error) return <ProblemAlert error={me.error} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Layout>{children}</Layout>;
}

function Home() {
  const me = useMe();
  if (me.isPending) return <Spinner label="Loading" />;
  return <Navigate to={me.data ? '/datasets' : '/login'} replace />;
}

export default function App() {
  return (
    <Suspense fallback={<Spinner label="Loading page" />}>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/signup" element={<SignUpPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/verify-email" element={<VerifyEmailPage />} />
        <Route path="/keys" element={<SignedIn><KeysPage /></SignedIn>} />
        <Route path="/credits" element={<SignedIn><CreditsPage /></SignedIn>} />
        <Route path="/datasets" element={<SignedIn><DatasetsPage /></SignedIn>} />
        <Route path="/datasets/:id" element={<SignedIn><DatasetPage /></SignedIn>} />
        <Route path="/train" element={<SignedIn><TrainPage /></SignedIn>} />
        <Route path="/jobs" element={<SignedIn><JobsPage /></SignedIn>} />
        <Route path="/jobs/:id" element={<SignedIn><JobPage /></SignedIn>} />
        <Route path="/models/:id" element={<SignedIn><ModelPage /></SignedIn>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
