import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from './api/auth';
import Layout from './components/Layout';
import Spinner from './components/Spinner';
import ProblemAlert from './components/ProblemAlert';

// Each page is its own chunk. A signed-in page's chunk starts loading while the session is checked.
const load = {
  signUp: () => import('./pages/auth/SignUpPage'),
  login: () => import('./pages/auth/LoginPage'),
  verifyEmail: () => import('./pages/auth/VerifyEmailPage'),
  forgotPassword: () => import('./pages/auth/ForgotPasswordPage'),
  resetPassword: () => import('./pages/auth/ResetPasswordPage'),
  confirmEmailChange: () => import('./pages/auth/ConfirmEmailChangePage'),
  settings: () => import('./pages/settings/SettingsPage'),
  keys: () => import('./pages/keys/KeysPage'),
  credits: () => import('./pages/credits/CreditsPage'),
  billing: () => import('./pages/billing/BillingPage'),
  datasets: () => import('./pages/datasets/DatasetsPage'),
  dataset: () => import('./pages/datasets/DatasetPage'),
  train: () => import('./pages/training/TrainPage'),
  jobs: () => import('./pages/jobs/JobsPage'),
  job: () => import('./pages/jobs/JobPage'),
  model: () => import('./pages/models/ModelPage'),
  models: () => import('./pages/models/ModelsPage'),
  compareModels: () => import('./pages/models/ComparePage'),
  registeredModels: () => import('./pages/registry/RegisteredModelsPage'),
  registeredModel: () => import('./pages/registry/RegisteredModelPage'),
  endpoints: () => import('./pages/endpoints/EndpointsPage'),
  endpoint: () => import('./pages/endpoints/EndpointPage'),
  workflows: () => import('./pages/workflows/WorkflowsPage'),
  newWorkflow: () => import('./pages/workflows/NewWorkflowPage'),
  workflow: () => import('./pages/workflows/WorkflowPage'),
  workflowRun: () => import('./pages/workflows/RunReportPage'),
  adminAlerts: () => import('./pages/admin/AlertsPage'),
  adminUsers: () => import('./pages/admin/AdminUsersPage'),
  adminUser: () => import('./pages/admin/AdminUserPage'),
  adminAdClaims: () => import('./pages/admin/AdClaimsPage'),
  adminFigures: () => import('./pages/admin/FiguresPage'),
  forbidden: () => import('./pages/ForbiddenPage'),
  notFound: () => import('./pages/NotFoundPage'),
};
const SignUpPage = lazy(load.signUp);
const LoginPage = lazy(load.login);
const VerifyEmailPage = lazy(load.verifyEmail);
const ForgotPasswordPage = lazy(load.forgotPassword);
const ResetPasswordPage = lazy(load.resetPassword);
const ConfirmEmailChangePage = lazy(load.confirmEmailChange);
const SettingsPage = lazy(load.settings);
const KeysPage = lazy(load.keys);
const CreditsPage = lazy(load.credits);
const BillingPage = lazy(load.billing);
const DatasetsPage = lazy(load.datasets);
const DatasetPage = lazy(load.dataset);
const TrainPage = lazy(load.train);
const JobsPage = lazy(load.jobs);
const JobPage = lazy(load.job);
const ModelPage = lazy(load.model);
const ModelsPage = lazy(load.models);
const ComparePage = lazy(load.compareModels);
const RegisteredModelsPage = lazy(load.registeredModels);
const RegisteredModelPage = lazy(load.registeredModel);
const EndpointsPage = lazy(load.endpoints);
const EndpointPage = lazy(load.endpoint);
const WorkflowsPage = lazy(load.workflows);
const NewWorkflowPage = lazy(load.newWorkflow);
const WorkflowPage = lazy(load.workflow);
const RunReportPage = lazy(load.workflowRun);
const AdminAlertsPage = lazy(load.adminAlerts);
const AdminUsersPage = lazy(load.adminUsers);
const AdminUserPage = lazy(load.adminUser);
const AdClaimsPage = lazy(load.adminAdClaims);
const FiguresPage = lazy(load.adminFigures);
const ForbiddenPage = lazy(load.forbidden);
const NotFoundPage = lazy(load.notFound);

/** Pages behind sign-in: without a session the user goes to /login and comes back afterwards. */
function SignedIn({ children, page }: { children: ReactNode; page: () => Promise<unknown> }) {
  const me = useMe();
  const location = useLocation();
  useEffect(() => {
    void page();
  }, [page]);
  if (me.isPending) return <Spinner label="Loading your account" />;
  if (me.error) return <ProblemAlert error={me.error} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Layout>{children}</Layout>;
}

/** The admin console, inside SignedIn: anyone else gets the 403 page (and the API would refuse them the same way). */
function AdminOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  return me.data?.isAdmin ? children : <ForbiddenPage />;
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
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/confirm-email-change" element={<ConfirmEmailChangePage />} />
        <Route path="/settings" element={<SignedIn page={load.settings}><SettingsPage /></SignedIn>} />
        <Route path="/keys" element={<SignedIn page={load.keys}><KeysPage /></SignedIn>} />
        <Route path="/credits" element={<SignedIn page={load.credits}><CreditsPage /></SignedIn>} />
        <Route path="/billing" element={<SignedIn page={load.billing}><BillingPage /></SignedIn>} />
        <Route path="/datasets" element={<SignedIn page={load.datasets}><DatasetsPage /></SignedIn>} />
        <Route path="/datasets/:id" element={<SignedIn page={load.dataset}><DatasetPage /></SignedIn>} />
        <Route path="/train" element={<SignedIn page={load.train}><TrainPage /></SignedIn>} />
        <Route path="/jobs" element={<SignedIn page={load.jobs}><JobsPage /></SignedIn>} />
        <Route path="/jobs/:id" element={<SignedIn page={load.job}><JobPage /></SignedIn>} />
        <Route path="/models" element={<SignedIn page={load.models}><ModelsPage /></SignedIn>} />
        <Route path="/models/compare" element={<SignedIn page={load.compareModels}><ComparePage /></SignedIn>} />
        <Route path="/models/:id" element={<SignedIn page={load.model}><ModelPage /></SignedIn>} />
        <Route path="/registered-models" element={<SignedIn page={load.registeredModels}><RegisteredModelsPage /></SignedIn>} />
        <Route path="/registered-models/:name" element={<SignedIn page={load.registeredModel}><RegisteredModelPage /></SignedIn>} />
        <Route path="/endpoints" element={<SignedIn page={load.endpoints}><EndpointsPage /></SignedIn>} />
        <Route path="/endpoints/:name" element={<SignedIn page={load.endpoint}><EndpointPage /></SignedIn>} />
        <Route path="/workflows" element={<SignedIn page={load.workflows}><WorkflowsPage /></SignedIn>} />
        <Route path="/workflows/new" element={<SignedIn page={load.newWorkflow}><NewWorkflowPage /></SignedIn>} />
        <Route path="/workflows/:id" element={<SignedIn page={load.workflow}><WorkflowPage /></SignedIn>} />
        <Route path="/workflows/:id/runs/:runId" element={<SignedIn page={load.workflowRun}><RunReportPage /></SignedIn>} />
        <Route path="/admin/alerts" element={<SignedIn page={load.adminAlerts}><AdminAlertsPage /></SignedIn>} />
        <Route path="/admin" element={<SignedIn page={load.adminUsers}><AdminOnly><AdminUsersPage /></AdminOnly></SignedIn>} />
        <Route path="/admin/users/:id" element={<SignedIn page={load.adminUser}><AdminOnly><AdminUserPage /></AdminOnly></SignedIn>} />
        <Route path="/admin/ad-claims" element={<SignedIn page={load.adminAdClaims}><AdminOnly><AdClaimsPage /></AdminOnly></SignedIn>} />
        <Route path="/admin/figures" element={<SignedIn page={load.adminFigures}><AdminOnly><FiguresPage /></AdminOnly></SignedIn>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
