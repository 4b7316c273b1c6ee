import PageHeading from '../../components/PageHeading';
import AdminNav from './AdminNav';
import './admin.css';

export default function FiguresPage() {
  return (
    <section>
      <PageHeading title="Platform figures" />
      <AdminNav />
    </section>
  );
}
