import { Link } from 'react-router';
import PageHeading from '../components/PageHeading';

/** A signed-in page the account may not open (the admin console for a non-admin): the dashboard's 403. */
export default function ForbiddenPage() {
  return (
    <section>
      <PageHeading title="Not allowed" />
      <p>
        <strong>403:</strong> this page is for the platform's administrators, and your account is not one. If you need it, ask an administrator to
        grant you the role.
      </p>
      <p>
        <Link to="/datasets">Go to your data sets</Link>
      </p>
    </section>
  );
}
