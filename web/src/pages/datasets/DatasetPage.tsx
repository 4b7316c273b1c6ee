import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDataset, useDeleteDataset, useRenameDataset } from '../../api/datasets';
import type { Dataset } from '../../api/types';
import ConfirmButton from '../../components/ConfirmButton';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatBytes, formatDate } from '../../components/format';
import PreviewTable from './PreviewTable';
import ProfileTable from './ProfileTable';
import StatusChip from './StatusChip';

function Rename({ dataset }: { dataset: Dataset }) {
  const [name, setName] = useState(dataset.name);
  const [editing, setEditing] = useState(false);
  const rename = useRenameDataset(dataset.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rename.mutate(name, { onSuccess: () => setEditing(false) });
  };
  if (!editing) {
    return (
      <button type="button" className="secondary small" onClick={() => setEditing(true)}>
        Rename
      </button>
    );
  }
  return (
    <form className="stack" onSubmit={submit} noValidate style={{ flexBasis: '100%' }}>
      <ProblemAlert error={rename.error} />
      <div className="row">
        <label style={{ flex: 1, minWidth: '12rem' }}>
          New name
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
        <button type="submit" disabled={rename.isPending} style={{ alignSelf: 'flex-end' }}>
          Save
        </button>
        <button type="button" className="secondary" onClick={() => setEditing(false)} style={{ alignSelf: 'flex-end' }}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function TrainOn({ dataset }: { dataset: Dataset }) {
  const names = dataset.columns?.map((c) => c.name) ?? [];
  const [target, setTarget] = useState(dataset.targetSuggestion ?? names[names.length - 1] ?? '');
  return (
    <div className="card">
      <h2 style={{ marginTop: 0 }}>Train a model</h2>
      {dataset.targetSuggestion && (
        <p>
          Suggested target: <strong>{dataset.targetSuggestion}</strong>
          {dataset.taskSuggestion && <> ({dataset.taskSuggestion})</>}
        </p>
      )}
      <div className="row">
        <label style={{ flex: 1, minWidth: '12rem' }}>
          Column to predict
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <Link
          className="button"
          style={{ alignSelf: 'flex-end' }}
          to={`/train?datasetId=${dataset.id}&target=${encodeURIComponent(target)}`}
        >
          Train on this
        </Link>
      </div>
    </div>
  );
}

export default function DatasetPage() {
  const { id = '' } = useParams();
  const dataset = useDataset(id);
  const remove = useDeleteDataset();
  const navigate = useNavigate();

  if (dataset.isPending || dataset.error) {
    return (
      <section>
        <PageHeading title="Data set" />
        {dataset.isPending ? <Spinner label="Loading data set" /> : <ProblemAlert error={dataset.error} />}
      </section>
    );
  }
  const d = dataset.data;
  return (
    <section>
      <p style={{ margin: '0 0 0.5rem' }}>
        <Link to="/datasets">← Data sets</Link>
      </p>
      <div className="page-head">
        <PageHeading title={d.name} className="break-word" />
        <div className="row">
          <StatusChip status={d.status} />
          <Rename key={d.name} dataset={d} />
          <ConfirmButton
            label="Delete"
            question={
              <>
                Delete <strong>{d.name}</strong>? Its file and profile are removed; models trained on it keep working.
              </>
            }
            confirmLabel="Delete data set"
            disabled={remove.isPending}
            onConfirm={() => remove.mutate(d.id, { onSuccess: () => void navigate('/datasets', { replace: true }) })}
          />
        </div>
      </div>
      <ProblemAlert error={remove.error} />
      <p className="muted">
        {d.rows !== null && <>{d.rows.toLocaleString()} rows · </>}
        {d.columns && <>{d.columns.length} columns · </>}
        {formatBytes(d.sizeBytes)} · {d.format} · uploaded {formatDate(d.createdAt)}
      </p>
      {d.status === 'failed' && (
        <div className="alert" role="alert">
          <strong>This data set could not be read</strong>
          <p>{d.error}</p>
        </div>
      )}
      {(d.status === 'ingesting' || d.status === 'uploading') && <Spinner label="Reading and profiling the file" />}
      {d.status === 'ready' && d.columns && (
        <>
          <TrainOn dataset={d} />
          <h2>Profile</h2>
          <ProfileTable columns={d.columns} rows={d.rows} target={d.targetSuggestion} />
          <h2>Preview</h2>
          <PreviewTable id={d.id} />
        </>
      )}
    </section>
  );
}
