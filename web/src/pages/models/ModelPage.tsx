import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useDataset } from '../../api/datasets';
import { useFirstRow, useModel, type CellValue } from '../../api/models';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatScore, formatWhen, shortId } from '../jobs/jobFormat';
import BatchPanel from './BatchPanel';
import EffectsSection from './EffectsSection';
import DownloadMenu from './DownloadMenu';
import EnsembleSection from './EnsembleSection';
import EvaluationsSection from './EvaluationsSection';
import { metricName, taskNames } from './modelFormat';
import PerClassTable from './PerClassTable';
import PredictPanel from './PredictPanel';
import Snippets from './Snippets';
import ThresholdPanel from './ThresholdPanel';
import './models.css';
import './catalog.css';

// The charts come with ECharts in their own chunk, so the page and its heading show before it arrives.
const EvaluationCharts = lazy(() => import('./ModelCharts').then((m) => ({ default: m.EvaluationCharts })));
const ImportanceChart = lazy(() => import('./ModelCharts').then((m) => ({ default: m.ImportanceChart })));
const BinaryInsightCharts = lazy(() => import('./ThresholdCharts').then((m) => ({ default: m.BinaryInsightCharts })));
const chartsFallback = <div className="chart" style={{ height: 300 }} />;

export default function ModelPage() {
  const { id = '' } = useParams();
  const model = useModel(id);
  const m = model.data;
  const firstRow = useFirstRow(m?.datasetId);
  const dataset = useDataset(m?.datasetId);

  const exampleRow = useMemo(() => {
    if (!m) return {};
    const row: Record<string, CellValue> = {};
    for (const c of m.inputColumns) row[c.name] = firstRow.data?.[c.name] ?? null;
    return row;
  }, [m, firstRow.data]);

  // The heading needs only the id, so the page shows at once and fills in as the model arrives.
  const heading = (
    <PageHeading title={`Model ${shortId(id)}`}>
      Model <span className="mono muted">{shortId(id)}</span>
    </PageHeading>
  );
  if (model.isPending || model.error || !m) {
    return (
      <section>
        <div className="page-head">{heading}</div>
        {model.isPending ? <Spinner label="Loading the model" /> : <ProblemAlert error={model.error} />}
      </section>
    );
  }

  const metrics = Object.entries(m.metrics);
  return (
    <section>
      <div className="page-head">
        {heading}
        <div className="row">
          <DownloadMenu model={m} />
          <Link className="button" to={`/train?datasetId=${m.datasetId}&target=${encodeURIComponent(m.target)}`}>
            Train again
          </Link>
        </div>
      </div>

      <dl className="facts">
        <div>
          <dt>Predicts</dt>
          <dd>{m.target}</dd>
        </div>
        <div>
          <dt>Task</dt>
          <dd>{taskNames[m.task] ?? m.task}</dd>
        </div>
        <div>
          <dt>Trained by</dt>
          <dd>
            <Link to={`/jobs/${m.jobId}`}>job {shortId(m.jobId)}</Link>
          </dd>
        </div>
        <div>
          <dt>Data set</dt>
          <dd>
            <Link to={`/datasets/${m.datasetId}`}>{dataset.data?.name ?? shortId(m.datasetId)}</Link>
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatWhen(m.createdAt)}</dd>
        </div>
        <div>
          <dt>Bundle</dt>
          <dd>{(m.bundleBytes / 1024).toFixed(0)} KB</dd>
        </div>
      </dl>

      <h2>Validation metrics</h2>
      <div className="stats metric-cards">
        {metrics.map(([key, value]) => (
          <div key={key} className={key.toLowerCase() === m.metric.toLowerCase() ? 'stat main' : 'stat'}>
            <div className="label">
              {metricName(key)}
              {key.toLowerCase() === m.metric.toLowerCase() ? ' (optimised)' : ''}
            </div>
            <div className="value">{formatScore(value)}</div>
          </div>
        ))}
      </div>

      <h2>Evaluation</h2>
      <Suspense fallback={chartsFallback}>
        <EvaluationCharts model={m} />
      </Suspense>

      {m.task === 'binary' && m.threshold && (
        <>
          <h2>Decision threshold</h2>
          <ThresholdPanel model={m} />
          <h2>Lift, gain and calibration</h2>
          <Suspense fallback={chartsFallback}>
            <BinaryInsightCharts model={m} />
          </Suspense>
        </>
      )}
      {m.task === 'multiclass' && (
        <>
          <h2>Per class</h2>
          <PerClassTable model={m} />
        </>
      )}

      <EvaluationsSection model={m} />

      <h2>Feature importance</h2>
      <Suspense fallback={chartsFallback}>
        <ImportanceChart model={m} />
      </Suspense>

      <EffectsSection modelId={m.id} target={m.target} />

      <EnsembleSection model={m} />

      <h2>Predict one row</h2>
      {firstRow.isPending && m.datasetId ? (
        <Spinner label="Reading an example row" />
      ) : (
        <PredictPanel model={m} firstRow={firstRow.data} profiles={dataset.data?.columns ?? undefined} />
      )}

      <h2>Batch prediction</h2>
      <BatchPanel modelId={m.id} />

      <h2>Use it from code</h2>
      <Snippets model={m} row={exampleRow} />
    </section>
  );
}
