import { useState, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useLogout, useMe } from '../api/auth';
import { useCredits } from '../api/credits';
import ProblemAlert from './ProblemAlert';
import SkipLink from './SkipLink';

const links = [
  { to: '/datasets', label: 'Data sets' },
  { to: '/train', label: 'Train' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/models', label: 'Models' },
  { to: '/registered-models', label: 'Registry' },
  { to: '/endpoints', label: 'Endpoints' },
  { to: '/workflows', label: 'Workflows' },
  { to: '/credits', label: 'Credits' },
  { to: '/billing', label: 'Billing' },
  { to: '/keys', label: 'API keys' },
  { to: '/settings', label: 'Settings' },
];

export default function Layout({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const me = useMe();
  const credits = useCredits();
  const logout = useLogout();

  // A full page load after signing out leaves nothing of this account in memory, and no query of it running.
  const signOut = () => logout.mutate(undefined, { onSuccess: () => window.location.assign('/login') });

  return (
    <div className="app">
      <SkipLink />
      <header className="topbar">
        <NavLink to="/datasets" className="brand">
          AutoMl
        </NavLink>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((o) => !o)}
        >
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={open ? 'nav open' : 'nav'}>
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} onClick={() => setOpen(false)}>
              {l.label}
            </NavLink>
          ))}
          {me.data?.isAdmin && (
            <NavLink to="/admin" onClick={() => setOpen(false)}>
              Admin
            </NavLink>
          )}
          <button type="button" className="link-button" onClick={signOut} disabled={logout.isPending}>
            Sign out
          </button>
        </nav>
        {credits.data && (
          <NavLink to="/credits" className="chip balance" title="Available credits">
            {credits.data.available.toLocaleString()} credits
          </NavLink>
        )}
      </header>
      {me.data && !me.data.emailVerified && (
        <div className="banner">
          Confirm your email address to receive your welcome credits: we sent a link to {me.data.email}.{' '}
          <NavLink to="/verify-email">Resend it</NavLink>
        </div>
      )}
      <main id="main" tabIndex={-1} className="content">
        <ProblemAlert error={logout.error} />
        {children}
      </main>
    </div>
  );
}
