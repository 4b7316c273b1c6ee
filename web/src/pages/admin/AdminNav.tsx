import { NavLink } from 'react-router';

const links = [
  { to: '/admin', label: 'Users', end: true },
  { to: '/admin/ad-claims', label: 'Ad claims' },
  { to: '/admin/figures', label: 'Figures' },
  { to: '/admin/alerts', label: 'Alerts' },
];

/** The console's own sections, under each admin page's heading. */
export default function AdminNav() {
  return (
    <nav aria-label="Admin" className="admin-nav">
      {links.map((l) => (
        <NavLink key={l.to} to={l.to} end={l.end}>
          {l.label}
        </NavLink>
      ))}
    </nav>
  );
}
