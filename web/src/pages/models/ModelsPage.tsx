import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDeleteModel, useModelList, type ModelFilters, type ModelListItem, type ModelSort } from '../../api/modelCatalog';
import ConfirmButton from '../../components/ConfirmButton';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatScore, formatWhen, shortId } from '../jobs/jobFormat';
import { formatBytes, metricName, taskNames } from './modelFormat';
import './catalog.css';
import LoadMore from '../../components/LoadMore';

const MAX_COMPARED = 4;

/** The filters live in the address, so a sorted, filtered list survives a reload and the back button. */
function useFilters(): [ModelFilters, (change: Partial<ModelFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const sort = params.get('sort');
  const filters: ModelFilters = {
    task: params.get('task') ?? '',
    q: params.get('q') ?? '',
    sort: sort === 'score' || sort === 'size' ? sort : 'created',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
  const update = (change: Partial<ModelFilters>) => {
    const next = { ...filters, ...change };
    const query = new URLSearchParams();
    if (next.task) query.set('task', next.task);
    if (next.q) query.set('q', next.q);
    if (next.sort !== 'created') query.set('sort', next.sort);
    if (next.order !== 'desc') query.set('order', next.order);
    setParams(query, { replace: true });
  };
  return [filters, update];
}

export default function ModelsPage() {
  const [filters, setFilters] = useFilters();
  const [search, setSearch] = useState(filters.q);
  const [selected, setSelected] = useState<string[]>([]);
  const list = useModelList(filters);
  const remove = useDeleteModel();
  const navigate = useNavigate();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = filters.task !== '' || filters.q !== '';

  // The search waits for a pause in typing, so each keystroke is not a request.
  useEffect(() => {
    if (search === filters.q) return;
    const timer = setTimeout(() => setFilters({ q: search }), 300);
    return () => clearTimeout(timer);
  }, [search, filters.q, setFilters]);

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const sortBy = (sort: ModelSort) =>
    setFilters(filters.sort === sort ? { order: filters.order === 'desc' ? 'asc' : 'desc' } : { sort, order: 'desc' });
  const canCompare = selected.length >= 2 && selected.length <= MAX_COMPARED;

  return (
    <section>
      <div className="page-head">
        <PageHeading title="Models" />
        <Link className="button" to="/train">
          Train a model
        </Link>
      </div>

      <div className="model-filters">
        <label>
          Task
          <select value={filters.task} onChange={(e) => setFilters({ task: e.target.value })}>
            <option value="">All tasks</option>
            {Object.entries(taskNames).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search models
          <input type="search" value={search} placeholder="Target or data set name" onChange={(e) => setSearch(e.target.value)} />
        </label>
        <div className="compare-bar">
          <button type="button" disabled={!canCompare} onClick={() => void navigate(`/models/compare?ids=${selected.join(',')}`)}>
            Compare selected
          </button>
          <span className="muted small" aria-live="polite">
            {selected.length === 0
              ? 'Tick 2 to 4 models to compare them.'
              : selected.length > MAX_COMPARED
                ? `${selected.length} selected: compare at most ${MAX_COMPARED}.`
                : `${selected.length} selected.`}
          </span>
        </div>
      </div>

      {list.isPending && <Spinner label="Loading your models" />}
      <ProblemAlert error={list.error ?? remove.error} />
      {list.data && items.length === 0 && !filtered && (
        <div className="card">
          <p>No models yet. A model comes out of a training job: pick a data set and the column to predict.</p>
          <Link className="button" to="/train">
            Train your first model
          </Link>
        </div>
      )}
      {list.data && items.length === 0 && filtered && (
        <div className="card">
          <p>No model matches these filters.</p>
        </div>
      )}
      {items.length > 0 && (
        <div className="table-wrap catalog-wrap">
          <table className="models-table">
            <thead>
              <tr>
                <th>
                  <span className="visually-hidden">Compare</span>
                </th>
                <th>Target</th>
                <th>Data set</th>
                <th>Task</th>
                <th>Metric</th>
                <SortHeader label="Score" sort="score" filters={filters} onSort={sortBy} className="num" />
                <SortHeader label="Created" sort="created" filters={filters} onSort={sortBy} />
                <SortHeader label="Size" sort="size" filters={filters} onSort={sortBy} className="num" />
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <ModelRow
                  key={m.id}
                  model={m}
                  checked={selected.includes(m.id)}
                  onToggle={() => toggle(m.id)}
                  onDelete={() => remove.mutate(m.id, { onSuccess: () => setSelected((s) => s.filter((x) => x !== m.id)) })}
                  deleting={remove.isPending && remove.variables === m.id}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={list} />
    </section>
  );
}

function SortHeader({
  label, sort, filters, onSort, className,
}: { label: string; sort: ModelSort; filters: ModelFilters; onSort: (sort: ModelSort) => void; className?: string }) {
  const active = filters.sort === sort;
  const direction = filters.order === 'desc' ? 'descending' : 'ascending';
  // A score sorts by how good it is: "descending" lists the best first, for a loss such as RMSE the lowest.
  const hint = sort === 'score' ? (active && filters.order === 'asc' ? ' (worst first)' : active ? ' (best first)' : '') : '';
  return (
    <th className={className} aria-sort={active ? direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sort)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (filters.order === 'desc' ? ' ▼' : ' ▲') : ' ↕'}
        </span>
        {hint && <span className="visually-hidden">{hint}</span>}
      </button>
    </th>
  );
}

function ModelRow({
  model: m, checked, onToggle, onDelete, deleting,
}: { model: ModelListItem; checked: boolean; onToggle: () => void; onDelete: () => void; deleting: boolean }) {
  const name = `${m.target} (${shortId(m.id)})`;
  return (
    <tr>
      <td>
        <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`Compare ${name}`} />
      </td>
      <td>
        <Link to={`/models/${m.id}`}>{m.target}</Link> <span className="mono muted small">{shortId(m.id)}</span>
      </td>
      <td>{m.datasetName ?? <span className="muted">deleted</span>}</td>
      <td className="nowrap">{taskNames[m.task] ?? m.task}</td>
      <td className="nowrap">{metricName(m.metric)}</td>
      <td className="num">{formatScore(m.score)}</td>
      <td className="nowrap">{formatWhen(m.createdAt)}</td>
      <td className="num nowrap">{formatBytes(m.bundleBytes)}</td>
      <td>
        <ConfirmButton
          label={deleting ? 'Deleting…' : 'Delete'}
          disabled={deleting}
          accessibleName={`Delete ${name}`}
          question={`Delete the model predicting ${m.target} (${shortId(m.id)})? Its bundle is removed and predictions with it stop working. The data set and the job stay. This cannot be undone.`}
          confirmLabel="Delete model"
          onConfirm={onDelete}
        />
      </td>
    </tr>
  );
}
