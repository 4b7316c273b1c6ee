import { useParams } from 'react-router';
import { useAdminUser, useUserLedger } from '../../api/admin';
import type { AdminUser } from '../../api/types';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate } from '../../components/format';
import AdminNav from './AdminNav';
import GrantCreditsForm from './GrantCreditsForm';
import Section from '../../components/Section';
import SuspensionForm from './SuspensionForm';
import TierForm from './TierForm';
import UserAudit from './UserAudit';
import UserLedger from './UserLedger';
import { UserDatasets, UserJobs, UserKeys } from './UserLists';
import { tierLabel } from './adminFormat';
import './admin.css';

function Account({ user }: { user: AdminUser }) {
  const { counts, suspension } = user;
  return (
    <Section title="Account">
      <dl className="facts">
        <dt>Email</dt>
        <dd>
          {user.email} {!user.emailConfirmed && <span className="muted">(not confirmed)</span>}
        </dd>
        <dt>Id</dt>
        <dd>
          <code>{user.id}</code>
        </dd>
        <dt>Status</dt>
        <dd className={suspension ? 'suspended' : undefined}>
          {suspension ? `Suspended ${formatDate(suspension.at)}${suspension.reason ? `: ${suspension.reason}` : ''}` : 'Active'}
        </dd>
        <dt>Plan</dt>
        <dd>{tierLabel(user.tier)}</dd>
        <dt>Balance</dt>
        <dd>{user.balance.toLocaleString()} credits</dd>
        <dt>Held</dt>
        <dd>{user.held.toLocaleString()} credits</dd>
        {user.owed > 0 && (
          <>
            <dt>Owed</dt>
            <dd>{user.owed.toLocaleString()} credits</dd>
          </>
        )}
        <dt>Signed up</dt>
        <dd>{formatDate(user.createdAt)}</dd>
        <dt>Last sign-in</dt>
        <dd>{user.lastSignInAt ? formatDate(user.lastSignInAt) : 'Never'}</dd>
        <dt>Holds</dt>
        <dd>
          {counts.jobs.toLocaleString()} jobs, {counts.datasets.toLocaleString()} data sets, {counts.models.toLocaleString()} models,{' '}
          {counts.apiKeys.toLocaleString()} active API keys
        </dd>
        {user.isAdmin && (
          <>
            <dt>Role</dt>
            <dd>Admin</dd>
          </>
        )}
      </dl>
    </Section>
  );
}

export default function AdminUserPage() {
  const { id = '' } = useParams();
  const user = useAdminUser(id);
  const ledger = useUserLedger(id);
  return (
    <section>
      <PageHeading title={user.data ? user.data.email : 'User'} className="anywhere" />
      <AdminNav />
      {user.isPending && <Spinner label="Loading the user" />}
      <ProblemAlert error={user.error} />
      {user.data && (
        <>
          <Account user={user.data} />
          <div className="admin-forms">
            <TierForm userId={id} tier={user.data.tier} />
            <GrantCreditsForm userId={id} />
            <SuspensionForm userId={id} email={user.data.email} suspended={!!user.data.suspension} />
          </div>
          <UserLedger ledger={ledger} />
          <UserJobs userId={id} />
          <UserDatasets userId={id} />
          <UserKeys userId={id} />
          <UserAudit userId={id} />
        </>
      )}
    </section>
  );
}
