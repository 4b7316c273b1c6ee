import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFindUser } from '../../api/admin';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import AdminNav from './AdminNav';
import { tierLabel } from './adminFormat';
import './admin.css';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function AdminUsersPage() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [email, setEmail] = useState<string | null>(null);
  const found = useFindUser(email);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (uuid.test(value)) {
      void navigate(`/admin/users/${value.toLowerCase()}`);
      return;
    }
    setEmail(value || null);
  };

  return (
    <section>
      <PageHeading title="Admin" />
      <AdminNav />
      <h2>Find a user</h2>
      <form className="row" role="search" onSubmit={submit} noValidate>
        <label style={{ flex: 1, minWidth: '14rem' }}>
          Email or account id
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" style={{ alignSelf: 'flex-end' }}>
          Find
        </button>
      </form>
      {found.isFetching && <Spinner label="Looking the user up" />}
      <ProblemAlert error={found.error} />
      {found.data && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Accounts found</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Plan</th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col" className="num hide-phone">
                  Held
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  <Link to={`/admin/users/${found.data.id}`}>{found.data.email}</Link>
                </th>
                <td>{tierLabel(found.data.tier)}</td>
                <td className="num">{found.data.balance.toLocaleString()}</td>
                <td className="num hide-phone">{found.data.held.toLocaleString()}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
