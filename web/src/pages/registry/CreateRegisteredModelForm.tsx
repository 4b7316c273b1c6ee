import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCreateRegisteredModel } from '../../api/registry';
import ProblemAlert from '../../components/ProblemAlert';

/** Tags typed as "a, b c": split on commas and spaces. */
function parseTags(text: string): string[] {
  return text.split(/[,\s]+/).map((t) => t.trim()).filter(Boolean);
}

export default function CreateRegisteredModelForm() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const create = useCreateRegisteredModel();
  const navigate = useNavigate();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), description: description.trim() || null, tags: parseTags(tags), task: null, target: null },
      { onSuccess: (m) => void navigate(`/registered-models/${encodeURIComponent(m.name)}`) },
    );
  };

  return (
    <form className="card stack create-form" aria-label="New registered model" onSubmit={onSubmit}>
      <h2 style={{ margin: 0 }}>New registered model</h2>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required placeholder="churn-model" aria-describedby="registered-name-hint" />
      </label>
      <p id="registered-name-hint" className="muted small" style={{ margin: 0 }}>
        Lower-case letters, digits and dashes, starting with a letter. It never changes.
      </p>
      <label>
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        Tags
        <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="clinic, weekly" />
      </label>
      <ProblemAlert error={create.error} />
      <div className="row">
        <button type="submit" disabled={create.isPending || name.trim() === ''}>
          {create.isPending ? 'Creating…' : 'Create registered model'}
        </button>
      </div>
    </form>
  );
}
