import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { PREVIOUS, useAliasHistory, useModelVersions, useRegisteredModel } from '../../api/registry';
import LoadMore from '../../components/LoadMore';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatWhen } from '../jobs/jobFormat';
import { taskNames } from '../models/modelFormat';
import AddVersionForm from './AddVersionForm';
import AliasBadges from './AliasBadges';
import AliasHistory from './AliasHistory';
import MoveAliasForm from './MoveAliasForm';
import { rollbackVersion, sortAliases } from './registryFormat';
import RollbackButton from './RollbackButton';
import VersionsTable from './VersionsTable';
import '../models/models.css';
import './registry.css';

// ECharts comes in its own chunk, so the tables show before it arrives.
const VersionScoreChart = lazy(() => import('./VersionScoreChart'));

export default function RegisteredModelPage() {
  const { name = '' } = useParams();
  const model = useRegisteredModel(name);
  const versions = useModelVersions(name);
  // Production's last move says what a rollback returns to (the same page of history its table shows).
  const productionHistory = useAliasHistory(name, 'production');
  const m = model.data;
  const items = versions.data?.pages.flatMap((p) => p.items) ?? [];
  const heading = <PageHeading title={name} />;

  if (model.isPending || model.error || !m) {
    return (
      <section>
        <div className="page-head">{heading}</div>
        {model.isPending ? <Spinner label="Loading the registered model" /> : <ProblemAlert error={model.error} />}
      </section>
    );
  }

  const rollback = rollbackVersion(m.aliases, productionHistory.data?.pages[0]?.items[0]);
  const metric = items[0]?.metric;
  const historyAliases = sortAliases(Object.keys(m.aliases).filter((a) => a !== PREVIOUS));
  return (
    <section>
      <div className="page-head">
        {heading}
        <div className="row">
          {rollback !== null && <RollbackButton name={m.name} from={m.aliases.production} to={rollback} />}
          <Link className="button secondary" to={`/endpoints?registeredModel=${encodeURIComponent(m.name)}`}>
            Serve it
          </Link>
          {items[0] && (
            <Link
              className="button"
              to={`/train?datasetId=${items[0].datasetId}&target=${encodeURIComponent(items[0].target)}&registeredModel=${encodeURIComponent(m.name)}`}
            >
              Train a new version
            </Link>
          )}
        </div>
      </div>
      {m.description && <p>{m.description}</p>}
      <dl className="facts">
        <div>
          <dt>Task</dt>
          <dd>{m.task ? (taskNames[m.task] ?? m.task) : '—'}</dd>
        </div>
        <div>
          <dt>Predicts</dt>
          <dd>{m.target ?? '—'}</dd>
        </div>
        <div>
          <dt>Latest version</dt>
          <dd>{m.latestVersion === 0 ? 'none yet' : `v${m.latestVersion}`}</dd>
        </div>
        <div>
          <dt>Aliases</dt>
          <dd data-testid="registered-aliases">
            <AliasBadges aliases={Object.keys(m.aliases)} versions={m.aliases} />
          </dd>
        </div>
        <div>
          <dt>Endpoints</dt>
          <dd>
            {m.endpoints.length === 0
              ? 'none'
              : m.endpoints.map((e, i) => (
                  <span key={e}>
                    {i > 0 && ', '}
                    <Link to={`/endpoints/${encodeURIComponent(e)}`}>{e}</Link>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>Tags</dt>
          <dd>{m.tags.length === 0 ? '—' : m.tags.join(', ')}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatWhen(m.createdAt)}</dd>
        </div>
      </dl>

      <h2>Versions</h2>
      {versions.isPending && <Spinner label="Loading the versions" />}
      <ProblemAlert error={versions.error} />
      {versions.data && items.length === 0 && <p className="muted">No versions yet: register a trained model below as version 1.</p>}
      {items.length > 0 && <VersionsTable versions={items} />}
      <LoadMore query={versions} />
      {metric && items.length > 0 && (
        <Suspense fallback={<div className="chart" style={{ height: 240 }} />}>
          <VersionScoreChart versions={items} metric={metric} />
        </Suspense>
      )}

      <h2>Aliases</h2>
      <div className="registry-forms">
        {items.length > 0 && <MoveAliasForm name={m.name} versions={items} aliases={m.aliases} />}
        <AddVersionForm name={m.name} task={m.task} versions={items} />
      </div>
      {historyAliases.map((a) => (
        <AliasHistory key={a} name={m.name} alias={a} />
      ))}
    </section>
  );
}
