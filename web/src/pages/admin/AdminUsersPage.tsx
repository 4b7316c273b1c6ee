import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useFindUsers, type UserSearch } from '../../api/admin';
import type { Tier } from '../../api/types';
import LoadMore from '../../components/LoadMore';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate } from '../../components/format';
import AdminNav from './AdminNav';
import { tierLabel, tiers } from './adminFormat';
import './admin.css';

export default function AdminUsersPage() {
  const [form, setForm] = useState<UserSearch>({ query: '', tier: '', suspended: '' });
  const [search, setSearch] = useState<UserSearch | null>(null);
  const found = useFindUsers(search);
  const users = found.data?.pages.flatMap((p) => p.items) ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch({ ...form });
  };

  return (
    <section>
      <PageHeading title="Admin" />
      <AdminNav />
      <h2>Find users</h2>
      <form className="row user-search" role="search" onSubmit={submit} noValidate>
        <label className="grow">
          Email or account id
          <input type="search" value={form.query} onChange={(e) => setForm({ ...form, query: e.target.value })} autoComplete="off" />
        </label>
        <label>
          Plan
          <select value={form.tier} onChange={(e) => setForm({ ...form, tier: e.target.value as Tier | '' })}>
            <option value="">Any</option>
            {tiers.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={form.suspended} onChange={(e) => setForm({ ...form, suspended: e.target.value as UserSearch['suspended'] })}>
            <option value="">Any</option>
            <option value="false">Active</option>
            <option value="true">Suspended</option>
          </select>
        </label>
        <button type="submit">Find</button>
      </form>
      <p className="muted small">Part of an address finds every account whose email contains it; leave the field empty to list the newest accounts.</p>
      {found.isPending && search && <Spinner label="Finding users" />}
      <ProblemAlert error={found.error} />
      {found.data && users.length === 0 && <p>No account matches.</p>}
      {users.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Accounts found, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Plan</th>
                <th scope="col">Status</th>
                <th scope="col" className="num hide-phone">
                  Balance
                </th>
                <th scope="col" className="hide-phone">
                  Signed up
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row" className="anywhere">
                    <Link to={`/admin/users/${u.id}`}>{u.email}</Link>
                  </th>
                  <td>{tierLabel(u.tier)}</td>
                  <td>{u.suspension ? 'Suspended' : 'Active'}</td>
                  <td className="num hide-phone">{u.balance.toLocaleString()}</td>
                  <td className="nowrap hide-phone">{formatDate(u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={found} />
    </section>
  );
}
