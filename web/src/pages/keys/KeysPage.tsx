import { useState, type FormEvent } from 'react';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../api/keys';
import type { ApiKeyScope, CreatedApiKey } from '../../api/types';
import ConfirmButton from '../../components/ConfirmButton';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate } from '../../components/format';

const scopes: { value: ApiKeyScope; label: string; summary: string }[] = [
  { value: 'read', label: 'Read', summary: 'view and download only; spends no credits' },
  { value: 'train', label: 'Train', summary: 'read, upload, train and predict: what a CI pipeline needs' },
  { value: 'full', label: 'Full', summary: 'train, and delete or rename data sets and models' },
];

const scopeLabel = (scope: ApiKeyScope) => scopes.find((s) => s.value === scope)?.label ?? scope;

function NewKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions); the key stays selectable.
      setCopied(false);
    }
  };
  return (
    <div className="card" aria-labelledby="new-key-title">
      <h2 id="new-key-title" style={{ marginTop: 0 }}>
        Your new key “{created.name}”
      </h2>
      <p className="muted">Scope: {scopeLabel(created.scope)}</p>
      <div className="warning">Copy this key now: it is shown only once. We store only a hash of it.</div>
      <div className="secret">
        <code data-testid="new-api-key">{created.key}</code>
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="muted">
        Use it as <code>Authorization: Bearer {created.prefix}…</code> with the REST API, the SDK or the CLI.
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        I have saved it
      </button>
    </div>
  );
}

export default function KeysPage() {
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('train');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name, scope }, {
      onSuccess: (key) => {
        setCreated(key);
        setName('');
      },
    });
  };

  return (
    <section>
      <PageHeading title="API keys" />
      <p className="muted">
        Keys let scripts, the SDK and the CLI act for your account. Give each the narrowest scope that does its job, and revoke a key you no longer
        use. No key can create keys, delete your account or change billing: those need you signed in here.
      </p>
      {created && <NewKey created={created} onDone={() => setCreated(null)} />}
      <div className="card">
        <form className="row" onSubmit={submit} noValidate>
          <label style={{ flex: 1, minWidth: '12rem' }}>
            Key name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="CI pipeline" maxLength={200} />
          </label>
          <label style={{ minWidth: '12rem' }}>
            Scope
            <select value={scope} onChange={(e) => setScope(e.target.value as ApiKeyScope)} aria-describedby="scope-summary">
              {scopes.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={create.isPending} style={{ alignSelf: 'flex-end' }}>
            Create key
          </button>
        </form>
        <p id="scope-summary" className="muted">
          {scopeLabel(scope)}: {scopes.find((s) => s.value === scope)?.summary}.
        </p>
        <div style={{ marginTop: '0.8rem' }}>
          <ProblemAlert error={create.error} />
        </div>
      </div>
      <ProblemAlert error={revoke.error} />
      {keys.isPending ? (
        <Spinner label="Loading keys" />
      ) : keys.error ? (
        <ProblemAlert error={keys.error} />
      ) : keys.data.items.length === 0 ? (
        <p className="muted">You have no active API keys.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="muted" style={{ textAlign: 'left', padding: '0.5rem 0.75rem' }}>
              Active keys
            </caption>
            <thead>
              <tr>
                <th>Name</th>
                <th>Key</th>
                <th>Scope</th>
                <th className="hide-phone">Created</th>
                <th className="hide-phone">Last used</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td className="mono nowrap">{k.prefix}…</td>
                  <td>{scopeLabel(k.scope)}</td>
                  <td className="hide-phone nowrap">{formatDate(k.createdAt)}</td>
                  <td className="nowrap hide-phone">{k.lastUsedAt ? formatDate(k.lastUsedAt) : 'Never'}</td>
                  <td className="num">
                    <ConfirmButton
                      label="Revoke"
                      accessibleName={`Revoke ${k.name}`}
                      question={
                        <>
                          Revoke the key <strong>{k.name}</strong> ({k.prefix}…)? Anything using it stops working at once.
                        </>
                      }
                      confirmLabel="Revoke key"
                      disabled={revoke.isPending}
                      onConfirm={() => revoke.mutate(k.id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
