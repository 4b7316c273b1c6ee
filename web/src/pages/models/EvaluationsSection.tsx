import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isFinished, useEvaluation, useEvaluationQuote, useEvaluations, useStartEvaluation } from '../../api/evaluations';
import { useReadyDatasets } from '../../api/jobs';
import type { ModelDetail } from '../../api/models';
import type { Evaluation } from '../../api/types';
import ProblemAlert from '../../components/ProblemAlert';
import ProgressBar from '../../components/ProgressBar';
import { formatScore, formatWhen, shortId } from '../jobs/jobFormat';
import { metricName } from './modelFormat';

const EvaluationCurves = lazy(() => import('./EvaluationCurves'));

/** Evaluate the model on a labelled data set of the user's: the price first, then its metrics beside validation's. */
export default function EvaluationsSection({ model }: { model: ModelDetail }) {
  const datasets = useReadyDatasets();
  const [datasetId, setDatasetId] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const quote = useEvaluationQuote(model.id, datasetId);
  const start = useStartEvaluation(model.id);
  const list = useEvaluations(model.id);
  const earlier = list.data?.items ?? [];
  const shownId = chosen ?? earlier[0]?.id;
  const shown = useEvaluation(model.id, shownId);

  if (!datasetId && datasets.data?.length) setDatasetId(datasets.data[0].id);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!datasetId) return;
    start.mutate(datasetId, { onSuccess: (made) => setChosen(made.evaluation.id) });
  };

  const q = quote.data;
  return (
    <section className="stack" aria-labelledby="evaluations-heading" data-testid="evaluations">
      <h2 id="evaluations-heading">Evaluations</h2>
      <p className="muted">
        Score this model on a labelled data set of yours (with its {model.target} column): the same metrics and curves as its validation,
        on your rows. Upload the file on the <Link to="/datasets">data sets page</Link> first.
      </p>
      <form className="card stack" onSubmit={onSubmit} aria-label="Evaluate on your data">
        <label>
          Labelled data set
          <select value={datasetId} onChange={(e) => setDatasetId(e.target.value)}>
            {(datasets.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
                {d.rows !== null ? ` (${d.rows.toLocaleString()} rows)` : ''}
              </option>
            ))}
          </select>
        </label>
        {q?.problem && (
          <p className="alert" role="alert" data-testid="evaluation-unfit">
            {q.problem}
          </p>
        )}
        <ProblemAlert error={quote.error ?? start.error ?? datasets.error} />
        <div className="row">
          <button type="submit" disabled={!q || !!q.problem || start.isPending}>
            {start.isPending ? 'Starting…' : 'Run evaluation'}
          </button>
          {q && !q.problem && (
            <span data-testid="evaluation-price">
              Costs <strong>{q.credits.toLocaleString()}</strong> credit{q.credits === 1 ? '' : 's'} for {q.rows.toLocaleString()} rows; you have{' '}
              {q.available.toLocaleString()} available.
            </span>
          )}
        </div>
      </form>

      {shown.data && <EvaluationResult model={model} evaluation={shown.data} />}
      <ProblemAlert error={shown.error ?? list.error} />

      {earlier.length > 0 && (
        <div className="table-wrap">
          <table data-testid="evaluation-list">
            <caption className="visually-hidden">Earlier evaluations of this model</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Data set</th>
                <th scope="col" className="num">Rows</th>
                <th scope="col" className="num">{metricName(model.metric)}</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Show</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {earlier.map((e) => (
                <tr key={e.id} aria-current={e.id === shownId ? 'true' : undefined}>
                  <th scope="row">{formatWhen(e.createdAt)}</th>
                  <td>{e.datasetName ?? <span className="muted">deleted ({shortId(e.datasetId)})</span>}</td>
                  <td className="num">{e.rows?.toLocaleString() ?? '—'}</td>
                  <td className="num">{formatScore(mainMetric(model, e))}</td>
                  <td>{e.status}</td>
                  <td>
                    <button type="button" className="secondary small" onClick={() => setChosen(e.id)} disabled={e.id === shownId}>
                      {e.id === shownId ? 'Shown' : 'Show'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function mainMetric(model: ModelDetail, e: Evaluation): number | undefined {
  const m = e.metrics;
  if (!m) return undefined;
  return Object.entries(m).find(([k]) => k.toLowerCase() === model.metric.toLowerCase())?.[1];
}

function EvaluationResult({ model, evaluation: e }: { model: ModelDetail; evaluation: Evaluation }) {
  if (!isFinished(e)) {
    return (
      <div aria-live="polite">
        <ProgressBar value={e.status === 'queued' ? 0 : e.progress} label={`Evaluation ${shortId(e.id)}: ${e.status}`} />
      </div>
    );
  }
  if (e.status !== 'succeeded') {
    return (
      <div className="alert" role="alert">
        <strong>The evaluation {e.status}</strong>
        <p>{e.error ?? 'No reason was recorded.'} Nothing was charged.</p>
      </div>
    );
  }
  return (
    <div className="stack" data-testid="evaluation-result" aria-live="polite">
      <p>
        {e.rows?.toLocaleString()} rows of {e.datasetName ?? 'a deleted data set'} scored, {e.chargedCredits} credit{e.chargedCredits === 1 ? '' : 's'} charged
        {e.skippedRows ? `; ${e.skippedRows.toLocaleString()} rows skipped (no ${model.target}, or a class the model never saw` : ''}
        {e.skippedRows && e.unseenLabels?.length ? `: ${e.unseenLabels.join(', ')})` : e.skippedRows ? ')' : ''}
        {e.threshold !== null && e.threshold !== undefined ? `; labels at the decision threshold ${formatScore(e.threshold)}` : ''}.
      </p>
      <div className="table-wrap">
        <table data-testid="evaluation-comparison">
          <caption>Validation against your data</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col" className="num">Validation</th>
              <th scope="col" className="num">Your data</th>
              <th scope="col" className="num">Difference</th>
            </tr>
          </thead>
          <tbody>
            {(e.comparison ?? []).map((r) => (
              <tr key={r.metric}>
                <th scope="row">
                  {metricName(r.metric)}
                  {r.higherIsBetter ? '' : ' (lower is better)'}
                </th>
                <td className="num">{formatScore(r.validation)}</td>
                <td className="num">{formatScore(r.evaluation)}</td>
                <td className="num">{r.difference === null || r.difference === undefined ? '—' : signed(r.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {e.curves && (
        <Suspense fallback={<div className="chart" style={{ height: 300 }} />}>
          <EvaluationCurves curves={e.curves} target={model.target} />
        </Suspense>
      )}
    </div>
  );
}

function signed(value: number): string {
  const text = formatScore(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
