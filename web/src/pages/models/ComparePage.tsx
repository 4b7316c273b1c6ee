import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useModelComparison, type ComparedModel } from '../../api/modelCatalog';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatScore, formatWhen } from '../jobs/jobFormat';
import { distinctNames, formatBytes, metricName, taskNames } from './modelFormat';
import './catalog.css';
import './models.css';

// ECharts comes in its own chunk, so the tables show before it arrives.
const CompareCharts = lazy(() => import('./CompareCharts'));

export default function ComparePage() {
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const comparison = useModelComparison(ids);
  const c = comparison.data;
  const names = c ? distinctNames(c.models.map((m) => m.summary)) : [];

  return (
    <section>
      <div className="page-head">
        <PageHeading title="Compare models" />
        <Link className="button secondary" to="/models">
          All models
        </Link>
      </div>
      {ids.length < 2 && (
        <div className="card">
          <p>
            Pick two to four models on the <Link to="/models">Models page</Link> and press “Compare selected”.
          </p>
        </div>
      )}
      {ids.length >= 2 && comparison.isPending && <Spinner label="Loading the models" />}
      <ProblemAlert error={comparison.error} />
      {c && (
        <>
          {c.warnings.length > 0 && (
            <div className="warning" role="note">
              <strong>These models may not be comparable.</strong>
              <ul className="plain-list">
                {c.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}

          <h2>Metrics</h2>
          <div className="table-wrap catalog-wrap">
            <table className="compare-table">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Metric</span>
                  </th>
                  {c.models.map((m, i) => (
                    <th key={m.summary.id} scope="col">
                      <Link to={`/models/${m.summary.id}`}>{names[i]}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <Fact label="Data set" models={c.models} value={(m) => m.summary.datasetName ?? 'deleted'} />
                <Fact label="Task" models={c.models} value={(m) => taskNames[m.summary.task] ?? m.summary.task} />
                <Fact label="Optimised for" models={c.models} value={(m) => metricName(m.summary.metric)} />
                <Fact label="Created" models={c.models} value={(m) => formatWhen(m.summary.createdAt)} />
                <Fact label="Size" models={c.models} value={(m) => formatBytes(m.summary.bundleBytes)} />
                {c.metrics.map((row) => (
                  <tr key={row.metric}>
                    <th scope="row">
                      {metricName(row.metric)} <span className="muted small">({row.higherIsBetter ? 'higher is better' : 'lower is better'})</span>
                    </th>
                    {row.values.map((v, i) => (
                      <td key={c.models[i].summary.id} className={row.best === i && c.models.length > 1 ? 'num best' : 'num'}>
                        {formatScore(v)}
                        {row.best === i && <span> ★<span className="visually-hidden"> best</span></span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2>Curves</h2>
          <Suspense fallback={<div className="chart" style={{ height: 300 }} />}>
            <CompareCharts models={c.models} />
          </Suspense>
        </>
      )}
    </section>
  );
}

function Fact({ label, models, value }: { label: string; models: ComparedModel[]; value: (m: ComparedModel) => string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {models.map((m) => (
        <td key={m.summary.id}>{value(m)}</td>
      ))}
    </tr>
  );
}
