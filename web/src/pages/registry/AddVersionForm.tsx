import { useState, type FormEvent } from 'react';
import { useModelList } from '../../api/modelCatalog';
import { useAddVersion, type ModelVersion } from '../../api/registry';
import ProblemAlert from '../../components/ProblemAlert';
import { formatScore, formatWhen, shortId } from '../jobs/jobFormat';
import { metricName } from '../models/modelFormat';

/** Registers one of the user's trained models (of the same task) as the next version. */
export default function AddVersionForm({ name, task, versions }: { name: string; task: string | null; versions: ModelVersion[] }) {
  const models = useModelList({ task: task ?? '', q: '', sort: 'created', order: 'desc' }, 100);
  const [modelId, setModelId] = useState('');
  const [description, setDescription] = useState('');
  const add = useAddVersion(name);
  const registered = new Set(versions.map((v) => v.modelId));
  const choices = (models.data?.pages.flatMap((p) => p.items) ?? []).filter((m) => !registered.has(m.id));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { modelId, description: description.trim() || null },
      {
        onSuccess: () => {
          setModelId('');
          setDescription('');
        },
      },
    );
  };

  return (
    <form className="card stack" aria-label="Register a model as a new version" onSubmit={onSubmit}>
      <h3>Register a model as a new version</h3>
      <label>
        Trained model
        {/* Read again on focus: a model trained while the page is open is offered too. */}
        <select value={modelId} onChange={(e) => setModelId(e.target.value)} onFocus={() => void models.refetch()} required>
          <option value="">{models.isPending ? 'Loading your models…' : choices.length === 0 ? 'No other model of this task' : 'Choose a model'}</option>
          {choices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.target} {shortId(m.id)}: {metricName(m.metric)} {formatScore(m.score)}, {formatWhen(m.createdAt)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <ProblemAlert error={models.error ?? add.error} />
      {add.isSuccess && !add.isPending && (
        <p className="notice" role="status">
          Registered as v{add.data.version}.
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={add.isPending || modelId === ''}>
          {add.isPending ? 'Registering…' : 'Register version'}
        </button>
      </div>
    </form>
  );
}
