import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDataset, useDatasetVersions, useDeleteDataset, useRenameDataset } from '../../api/datasets';
import type { Dataset } from '../../api/types';
import ConfirmButton from '../../components/ConfirmButton';
import LoadMore from '../../components/LoadMore';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatBytes, formatDate } from '../../components/format';
import PreviewTable from './PreviewTable';
import ProfileTable from './ProfileTable';
import StatusChip from './StatusChip';
import UploadVersion from './UploadVersion';
import VersionsTable from './VersionsTable';
import AssociationsSection from './AssociationsSection';
import DataChecksList from './DataChecksList';
import { versionOf } from './versionFormat';

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
          to={
            `/train?datasetId=${dataset.id}` +
            // Of a data set with versions, this one: the training form would otherwise offer the newest.
            (dataset.latestVersion > 1 ? `&datasetVersion=${dataset.version}` : '') +
            `&target=${encodeURIComponent(target)}`
          }
        >
          Train on this
        </Link>
      </div>
    </div>
  );
}

/** Which version this page shows and, when a newer one exists, a link to the newest. */
function VersionLine({ dataset, newest }: { dataset: Dataset; newest: { id: string; version: number } | undefined }) {
  const text = versionOf(dataset.version, dataset.latestVersion);
  if (!text) return null;
  const newer = dataset.version < dataset.latestVersion;
  return (
    <p className="version-line" data-testid="dataset-version">
      <strong>{text}</strong>
      {newer ? (
        <>
          {' '}— a newer version exists:{' '}
          {newest && newest.id !== dataset.id ? <Link to={`/datasets/${newest.id}`}>see the newest (v{newest.version})</Link> : 'see the versions below'}
        </>
      ) : (
        <> — the newest</>
      )}
    </p>
  );
}

/** The data set's versions, newest first, and the form that uploads the next one. */
function Versions({ dataset, versions }: { dataset: Dataset; versions: ReturnType<typeof useDatasetVersions> }) {
  const items = versions.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      {versions.isPending ? (
        <Spinner label="Loading the versions" />
      ) : versions.error && !versions.data ? (
        <ProblemAlert error={versions.error} />
      ) : items.length > 1 ? (
        <>
          <VersionsTable versions={items} current={dataset.id} />
          <LoadMore query={versions} />
        </>
      ) : (
        <p className="muted">Only one version so far. When the data changes, upload the new file as its next version.</p>
      )}
      {dataset.status !== 'uploading' && <UploadVersion key={dataset.id} dataset={dataset} />}
    </section>
  );
}

export default function DatasetPage() {
  const { id = '' } = useParams();
  const dataset = useDataset(id);
  const versions = useDatasetVersions(id || undefined);
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
              d.latestVersion > 1 ? (
                <>
                  Delete version {d.version} of <strong>{d.name}</strong>? Its file and profile are removed; the other versions, and models trained on
                  this one, stay.
                </>
              ) : (
                <>
                  Delete <strong>{d.name}</strong>? Its file and profile are removed; models trained on it keep working.
                </>
              )
            }
            confirmLabel={d.latestVersion > 1 ? 'Delete version' : 'Delete data set'}
            disabled={remove.isPending}
            onConfirm={() => remove.mutate(d.id, { onSuccess: () => void navigate('/datasets', { replace: true }) })}
          />
        </div>
      </div>
      <ProblemAlert error={remove.error} />
      <VersionLine dataset={d} newest={versions.data?.pages[0]?.items[0]} />
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
      {d.status === 'ready' && d.columns && <TrainOn key={d.id} dataset={d} />}
      <Versions dataset={d} versions={versions} />
      {d.status === 'ready' && d.checks && (
        <section aria-labelledby="checks-heading">
          <h2 id="checks-heading">Data checks</h2>
          <DataChecksList checks={d.checks} />
        </section>
      )}
      {d.status === 'ready' && <AssociationsSection datasetId={d.id} />}
      {d.status === 'ready' && d.columns && (
        <>
          <h2>Profile</h2>
          <ProfileTable columns={d.columns} rows={d.rows} target={d.targetSuggestion} />
          <h2>Preview</h2>
          <PreviewTable id={d.id} />
        </>
      )}
    </section>
  );
}
