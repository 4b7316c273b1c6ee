import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useChangeEmail, useChangePassword, useDeleteAccount, useSecurityEvents, useUpdateNotifications } from '../../api/account';
import { useMe } from '../../api/auth';
import { useExports, useRequestExport } from '../../api/exports';
import type { DataExport, Me } from '../../api/types';
import LoadMore from '../../components/LoadMore';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Section from '../../components/Section';
import Spinner from '../../components/Spinner';
import { auditActionLabel } from '../../components/auditActions';
import { formatBytes, formatDate } from '../../components/format';

function Profile({ me }: { me: Me }) {
  return (
    <Section title="Profile">
      <dl className="facts">
        <dt>Email</dt>
        <dd>
          {me.email} {!me.emailVerified && <span className="muted">(not confirmed yet)</span>}
        </dd>
        <dt>Plan</dt>
        <dd>{me.tier === 'pro' ? 'Pro' : 'Free'}</dd>
        <dt>Member since</dt>
        <dd>{formatDate(me.createdAt)}</dd>
      </dl>
      <p>
        Scripts, the SDK and the CLI use <Link to="/keys">API keys</Link>.
      </p>
    </Section>
  );
}

function PasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ currentPassword, newPassword }, {
      onSuccess: () => {
        setCurrent('');
        setNew('');
      },
    });
  };
  return (
    <Section title="Password">
      <p className="muted">Changing it signs out every other browser signed in to your account. API keys keep working.</p>
      {change.isSuccess && (
        <div className="notice" role="status">
          Password changed.
        </div>
      )}
      <ProblemAlert error={change.error} />
      <form className="stack narrow" onSubmit={submit} noValidate>
        <label>
          Current password
          <input type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          New password
          <input type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} />
        </label>
        <div>
          <button type="submit" disabled={change.isPending}>
            Change password
          </button>
        </div>
      </form>
    </Section>
  );
}

function EmailForm({ me }: { me: Me }) {
  const change = useChangeEmail();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ newEmail: newEmail.trim(), password }, { onSuccess: () => setPassword('') });
  };
  return (
    <Section title="Email address">
      <p className="muted">
        You sign in with <strong>{me.email}</strong>. The new address is used once you open the link we mail to it.
      </p>
      {change.isSuccess && (
        <div className="notice" role="status">
          {change.data.message}
        </div>
      )}
      <ProblemAlert error={change.error} />
      <form className="stack narrow" onSubmit={submit} noValidate>
        <label>
          New email address
          <input type="email" autoComplete="email" value={newEmail} onChange={(e) => setNewEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <div>
          <button type="submit" disabled={change.isPending}>
            Change email
          </button>
        </div>
      </form>
    </Section>
  );
}

type NotificationField = 'notifyJobFinished' | 'notifyLowBalance';

function Notifications({ me }: { me: Me }) {
  const update = useUpdateNotifications();
  // The value being saved, shown from the click on: the mutation's optimistic update of /me lands a few ticks later
  // (it first cancels a read in flight), and until then React would put the switch back as the server last had it.
  const [saving, setSaving] = useState<{ field: NotificationField; value: boolean } | null>(null);
  const save = (field: NotificationField, value: boolean) => {
    setSaving({ field, value });
    update.mutate({ [field]: value }, { onSettled: () => setSaving(null) });
  };
  const toggles: { field: NotificationField; label: string }[] = [
    { field: 'notifyJobFinished', label: 'Email me when a long training job finishes' },
    { field: 'notifyLowBalance', label: 'Email me when my credits run low' },
  ];
  return (
    <Section title="Notifications">
      <div className="stack">
        {toggles.map((t) => (
          <label key={t.field} className="checkbox">
            <input
              type="checkbox"
              checked={saving?.field === t.field ? saving.value : me[t.field]}
              disabled={update.isPending}
              onChange={(e) => save(t.field, e.target.checked)}
            />
            {t.label}
          </label>
        ))}
      </div>
      <p className="muted small" role="status">
        {update.isSuccess ? 'Saved.' : 'Changes are saved at once.'}
      </p>
      <ProblemAlert error={update.error} />
    </Section>
  );
}

const EXPORT_STATUS: Record<string, string> = {
  queued: 'Waiting for a worker',
  running: 'Being written',
  ready: 'Ready',
  failed: 'Failed',
  expired: 'Expired (deleted after 24 hours)',
};

function ExportRow({ e }: { e: DataExport }) {
  return (
    <tr>
      <td className="nowrap">{formatDate(e.requestedAt)}</td>
      <td>
        {EXPORT_STATUS[e.status] ?? e.status}
        {e.error && <div className="muted">{e.error}</div>}
      </td>
      <td className="nowrap">{e.sizeBytes != null ? formatBytes(e.sizeBytes) : ''}</td>
      <td>
        {e.downloadUrl ? (
          <>
            {/* A plain link: the browser saves the zip; the token in it is the credential, as in the mail. */}
            <a href={e.downloadUrl} download>
              Download the zip
            </a>
            {e.expiresAt && <div className="muted small">until {formatDate(e.expiresAt)}</div>}
          </>
        ) : (
          ''
        )}
      </td>
    </tr>
  );
}

/** GDPR export: the account's rows and files as one zip, written in the background and mailed as a 24-hour link. */
function ExportData() {
  const exports = useExports();
  const request = useRequestExport();
  const items = exports.data?.items ?? [];
  const busy = items.some((e) => e.status === 'queued' || e.status === 'running');
  return (
    <Section title="Export your data">
      <p>
        One zip with everything your account holds: your profile, credit history, security events, data set files and their profiles,
        models, jobs and their events, registered models, endpoints and workflows. We write it in the background and email you a link;
        the link and the file last 24 hours. Up to 3 exports a day.
      </p>
      <ProblemAlert error={request.error} />
      {/* A worker can finish a small export before the list is read again: the request is still confirmed then. */}
      {request.isSuccess && (
        <div className="notice" role="status">
          {busy
            ? 'Export requested. It appears below when it is ready, and we email you the link.'
            : 'Export requested. Its result is below.'}
        </div>
      )}
      <div>
        <button type="button" disabled={request.isPending || busy} onClick={() => request.mutate()}>
          {busy ? 'Export in progress…' : 'Request an export'}
        </button>
      </div>
      {exports.isPending && <Spinner label="Loading your exports" />}
      <ProblemAlert error={exports.error} />
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Requested</th>
                <th scope="col">Status</th>
                <th scope="col">Size</th>
                <th scope="col">Download</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <ExportRow key={e.id} e={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function DeleteAccount({ me }: { me: Me }) {
  const remove = useDeleteAccount();
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A full page load: nothing of the deleted account stays in memory.
    remove.mutate(password, { onSuccess: () => window.location.assign('/login?accountDeleted=1') });
  };
  return (
    <Section title="Delete account">
      <p>Deleting your account removes, at once and for good:</p>
      <ul className="plain-list">
        <li>your data sets and their files,</li>
        <li>your models,</li>
        <li>your training jobs (running ones are stopped),</li>
        <li>your API keys (scripts using them stop working),</li>
        <li>your credit balance and its history: unused credits are not refunded.</li>
      </ul>
      <p>
        {me.tier === 'pro' ? 'Your Pro subscription is cancelled first' : 'A Pro subscription, if you had one, is cancelled first'}, so you
        are not billed again.
      </p>
      <ProblemAlert error={remove.error} />
      <form className="stack narrow" onSubmit={submit} noValidate>
        <label>
          Password to confirm
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <div>
          <button type="submit" className="danger" disabled={remove.isPending || password === ''}>
            Delete my account permanently
          </button>
        </div>
      </form>
    </Section>
  );
}

/** The account's audit trail, so a sign-in or key the owner does not recognise is seen. */
function SecurityEvents() {
  const events = useSecurityEvents();
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title="Security events">
      <p className="muted">Sign-ins (and failed ones), password and email changes, API keys and admin credit changes on your account. Something you do not recognise? Change your password and revoke your keys.</p>
      {events.isPending && <Spinner label="Loading security events" />}
      <ProblemAlert error={events.error} />
      {events.data && items.length === 0 && <p>No security events yet.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Outcome</th>
                <th scope="col">By</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDate(e.at)}</td>
                  <th scope="row">
                    {auditActionLabel(e.action)}
                    {e.detail && <div className="muted">{e.detail}</div>}
                  </th>
                  <td>{e.outcome}</td>
                  <td>{e.actor}</td>
                  <td className="nowrap">{e.address ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={events} />
    </Section>
  );
}

export default function SettingsPage() {
  const me = useMe();
  return (
    <section>
      <PageHeading title="Settings" />
      {me.isPending ? (
        <Spinner label="Loading your account" />
      ) : me.error || !me.data ? (
        <ProblemAlert error={me.error} />
      ) : (
        <>
          <Profile me={me.data} />
          <PasswordForm />
          <EmailForm me={me.data} />
          <Notifications me={me.data} />
          <SecurityEvents />
          <ExportData />
          <DeleteAccount me={me.data} />
        </>
      )}
    </section>
  );
}
