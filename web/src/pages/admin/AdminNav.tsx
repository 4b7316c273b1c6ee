import { NavLink, useMatch } from 'react-router';

const links = [
  { to: '/admin/ad-claims', label: 'Ad claims' },
  { to: '/admin/figures', label: 'Figures' },
  { to: '/admin/alerts', label: 'Alerts' },
];

/** The console's own sections, under each admin page's heading; a user's page belongs to Users. */
export default function AdminNav() {
  const onUser = useMatch('/admin/users/*') !== null;
  return (
    <nav aria-label="Admin" className="admin-nav">
      <NavLink to="/admin" end className={({ isActive }) => (isActive || onUser ? 'active' : undefined)}>
        Users
      </NavLink>
      {links.map((l) => (
        <NavLink key={l.to} to={l.to}>
          {l.label}
        </NavLink>
      ))}
    </nav>
  );
}
