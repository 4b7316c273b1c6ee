import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCreateEndpoint, type ChallengerMode } from '../../api/endpoints';
import { PREVIOUS, useRegisteredModelChoices } from '../../api/registry';
import ProblemAlert from '../../components/ProblemAlert';

/** A new endpoint: which registered model and alias it serves, and optionally a challenger alias (split or shadow). */
export default function CreateEndpointForm({ registeredModel: initialModel = '' }: { registeredModel?: string }) {
  const choices = useRegisteredModelChoices();
  const [name, setName] = useState('');
  const [registeredModel, setRegisteredModel] = useState(initialModel);
  const [alias, setAlias] = useState('production');
  const [withChallenger, setWithChallenger] = useState(false);
  const [challengerAlias, setChallengerAlias] = useState('staging');
  const [mode, setMode] = useState<ChallengerMode>('split');
  const [percent, setPercent] = useState(10);
  const create = useCreateEndpoint();
  const navigate = useNavigate();
  const chosen = choices.data?.find((m) => m.name === registeredModel);
  const aliasOptions = [...new Set(['production', 'staging', ...Object.keys(chosen?.aliases ?? {}).filter((a) => a !== PREVIOUS)])];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        registeredModel,
        alias: alias.trim() || null,
        challenger: withChallenger ? { alias: challengerAlias.trim(), mode, percent: mode === 'split' ? percent : 0 } : null,
        description: null,
      },
      { onSuccess: (endpoint) => void navigate(`/endpoints/${encodeURIComponent(endpoint.name)}`) },
    );
  };

  return (
    <form className="card stack create-form" aria-label="New endpoint" onSubmit={onSubmit}>
      <h2 style={{ margin: 0 }}>New endpoint</h2>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required placeholder="churn-api" />
      </label>
      <label>
        Registered model
        <select value={registeredModel} onChange={(e) => setRegisteredModel(e.target.value)} required>
          <option value="">{choices.isPending ? 'Loading…' : 'Choose a registered model'}</option>
          {choices.data?.map((m) => (
            <option key={m.id} value={m.name}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Alias it serves
        <input value={alias} onChange={(e) => setAlias(e.target.value)} list="endpoint-aliases" required />
      </label>
      <datalist id="endpoint-aliases">
        {aliasOptions.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <label className="checkbox">
        <input type="checkbox" checked={withChallenger} onChange={(e) => setWithChallenger(e.target.checked)} />
        Add a challenger
      </label>
      {withChallenger && (
        <fieldset className="plain">
          <legend>Challenger</legend>
          <label>
            Challenger alias
            <input value={challengerAlias} onChange={(e) => setChallengerAlias(e.target.value)} list="endpoint-aliases" required />
          </label>
          <div className="radio-row" role="radiogroup" aria-label="Challenger mode">
            <label>
              <input type="radio" name="mode" checked={mode === 'split'} onChange={() => setMode('split')} />
              Split: it answers a share of requests
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'shadow'} onChange={() => setMode('shadow')} />
              Shadow: it scores every request unseen
            </label>
          </div>
          {mode === 'split' && (
            <label>
              Percent of requests
              <input type="number" min={1} max={99} value={percent} onChange={(e) => setPercent(Number(e.target.value))} required />
            </label>
          )}
        </fieldset>
      )}
      <ProblemAlert error={choices.error ?? create.error} />
      <div className="row">
        <button type="submit" disabled={create.isPending || name.trim() === '' || registeredModel === ''}>
          {create.isPending ? 'Creating…' : 'Create endpoint'}
        </button>
      </div>
    </form>
  );
}
