import { useState, type FormEvent } from 'react';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../api/keys';
import type { CreatedApiKey } from '../../api/types';
import ConfirmButton from '../../components/ConfirmButton';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate } from '../../components/format';

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
      <div className="warning">Copy this key now: it is shown only once. We store only a hash of it.</div>
      <div className="secret">
        <code data-testid="new-api-key">{created.key}</code>
        <button type="button" onClick={copy}>
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
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name, {
      onSuccess: (key) => {
        setCreated(key);
        setName('');
      },
    });
  };

  return (
    <section>
      <h1>API keys</h1>
      <p className="muted">Keys let scripts, the SDK and the CLI act for your account. Revoke a key you no longer use.</p>
      {created && <NewKey created={created} onDone={() => setCreated(null)} />}
      <div className="card">
        <form className="row" onSubmit={submit} noValidate>
          <label style={{ flex: 1, minWidth: '12rem' }}>
            Key name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="CI pipeline" maxLength={200} />
          </label>
          <button type="submit" disabled={create.isPending} style={{ alignSelf: 'flex-end' }}>
            Create key
          </button>
        </form>
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
