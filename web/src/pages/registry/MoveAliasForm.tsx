import { useId, useState, type FormEvent } from 'react';
import { PREVIOUS, useMoveAlias, type ModelVersion } from '../../api/registry';
import ProblemAlert from '../../components/ProblemAlert';

const OTHER = '__other__';

/** Points an alias (production, staging or one named here) at a version, with the reason the history keeps. */
export default function MoveAliasForm({ name, versions, aliases }: { name: string; versions: ModelVersion[]; aliases: Record<string, number> }) {
  const choices = [...new Set(['production', 'staging', ...Object.keys(aliases).filter((a) => a !== PREVIOUS)])];
  const [choice, setChoice] = useState('production');
  const [other, setOther] = useState('');
  const [version, setVersion] = useState('');
  const [reason, setReason] = useState('');
  const move = useMoveAlias(name);
  const aliasId = useId();
  const alias = choice === OTHER ? other.trim() : choice;
  const current = aliases[alias];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    move.mutate({ alias, version: version === '' ? null : Number(version), reason: reason.trim() }, { onSuccess: () => setReason('') });
  };

  return (
    <form className="card stack" aria-label="Move an alias" onSubmit={onSubmit}>
      <h3>Move an alias</h3>
      {/* Labelled by id, not by wrapping: the select's name is "Alias" alone, not its options' text too. */}
      <label htmlFor={aliasId}>Alias</label>
      <select id={aliasId} value={choice} onChange={(e) => setChoice(e.target.value)} style={{ marginTop: '-0.5rem' }}>
        {choices.map((a) => (
          <option key={a} value={a}>
            {a}
            {aliases[a] !== undefined ? ` (now v${aliases[a]})` : ''}
          </option>
        ))}
        <option value={OTHER}>Another alias…</option>
      </select>
      {choice === OTHER && (
        <label>
          Alias name
          <input value={other} onChange={(e) => setOther(e.target.value)} required placeholder="canary" />
        </label>
      )}
      <label>
        Version
        <select value={version} onChange={(e) => setVersion(e.target.value)} required>
          <option value="">Choose a version</option>
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version}
              {v.version === current ? ' (named now)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reason
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} required rows={2} placeholder="Why, for whoever reads the history later" />
      </label>
      <ProblemAlert error={move.error} />
      {move.isSuccess && !move.isPending && (
        <p className="notice" role="status">
          {move.data.alias} now names v{move.data.version}.
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={move.isPending || alias === '' || version === '' || reason.trim() === ''}>
          {move.isPending ? 'Moving…' : 'Move alias'}
        </button>
      </div>
    </form>
  );
}
