import { Link } from 'react-router';
import PageHeading from '../components/PageHeading';
import PublicPage from '../components/PublicPage';

export default function NotFoundPage() {
  return (
    <PublicPage className="content narrow">
      <PageHeading title="Page not found" />
      <p>
        There is no page at this address. <Link to="/">Go to the dashboard</Link>.
      </p>
    </PublicPage>
  );
}
