import { useParams } from 'react-router';
import { useUserLedger } from '../../api/admin';
import type { AdminUser } from '../../api/types';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import AdminNav from './AdminNav';
import GrantCreditsForm from './GrantCreditsForm';
import Section from './Section';
import UserAudit from './UserAudit';
import UserLedger from './UserLedger';
import { tierLabel } from './adminFormat';
import './admin.css';

function Account({ user }: { user: AdminUser }) {
  return (
    <Section title="Account">
      <dl className="facts">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Id</dt>
        <dd>
          <code>{user.id}</code>
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
      </dl>
    </Section>
  );
}

export default function AdminUserPage() {
  const { id = '' } = useParams();
  const ledger = useUserLedger(id);
  const user = ledger.data?.pages[0]?.user;
  return (
    <section>
      <PageHeading title={user ? user.email : 'User'} />
      <AdminNav />
      {ledger.isPending && <Spinner label="Loading the user" />}
      {!user && <ProblemAlert error={ledger.error} />}
      {user && (
        <>
          <Account user={user} />
          <div className="admin-forms">
            <GrantCreditsForm userId={id} />
          </div>
          <UserLedger ledger={ledger} />
          <UserAudit userId={id} />
        </>
      )}
    </section>
  );
}
