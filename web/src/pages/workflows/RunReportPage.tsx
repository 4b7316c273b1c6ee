import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { reportOf, useWorkflow, useWorkflowRun, type RunReport } from '../../api/workflows';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatScore, formatWhen, shortId } from '../jobs/jobFormat';
import { metricName } from '../models/modelFormat';
import DecisionButtons from './DecisionButtons';
import RunStatusChip from './RunStatusChip';
import { signed, triggerText } from './workflowFormat';
import '../registry/registry.css';
import './workflows.css';

export default function RunReportPage() {
  const { id = '', runId = '' } = useParams();
  const workflow = useWorkflow(id);
  const run = useWorkflowRun(id, runId);
  const r = run.data;
  const w = workflow.data;
  const heading = (
    <PageHeading title={`Run report ${shortId(runId)}`}>
      Run report <span className="mono muted">{shortId(runId)}</span>
    </PageHeading>
  );
  const crumbs = (
    <p className="breadcrumb">
      <Link to="/workflows">Workflows</Link> / <Link to={`/workflows/${id}`}>{w?.name ?? 'Workflow'}</Link>
    </p>
  );

  if (run.isPending || run.error || !r) {
    return (
      <section>
        {crumbs}
        <div className="page-head">{heading}</div>
        {run.isPending ? <Spinner label="Loading the run" /> : <ProblemAlert error={run.error} />}
      </section>
    );
  }

  const report = reportOf(r);
  const model = w?.registeredModel;
  const modelLink = (version: number) =>
    model ? (
      <Link to={`/registered-models/${encodeURIComponent(model)}`}>
        v{version} of {model}
      </Link>
    ) : (
      `v${version}`
    );
  return (
    <section>
      {crumbs}
      <div className="page-head">{heading}</div>

      <div className={`card decision decision-${r.status}`} data-testid="run-decision">
        <div className="row">
          <RunStatusChip status={r.status} />
          {r.status === 'awaiting-approval' && <DecisionButtons workflowId={id} run={r} />}
        </div>
        <p className="decision-reason" data-testid="run-reason">
          {r.reason ?? (r.status === 'training' ? 'The candidate is training: the report appears when its job ends.' : 'No reason was recorded.')}
        </p>
        {r.decidedBy && <p className="muted small">Decided by {r.decidedBy}.</p>}
      </div>

      <dl className="facts report-facts">
        <Fact label="Trigger">{triggerText(r.trigger)}</Fact>
        <Fact label="Started">{formatWhen(r.createdAt)}</Fact>
        {r.finishedAt && <Fact label="Finished">{formatWhen(r.finishedAt)}</Fact>}
        <Fact label="Data set">
          {r.datasetId ? <Link to={`/datasets/${r.datasetId}`}>{w?.datasetName ?? shortId(r.datasetId)}</Link> : '—'}
          {r.datasetVersion !== null && ` v${r.datasetVersion}`}
        </Fact>
        <Fact label="Training job">{r.jobId ? <Link to={`/jobs/${r.jobId}`}>{shortId(r.jobId)}</Link> : 'none'}</Fact>
        <Fact label="Candidate">{r.candidateVersion !== null ? modelLink(r.candidateVersion) : 'not registered'}</Fact>
        <Fact label="Champion">{r.championVersion !== null ? modelLink(r.championVersion) : 'none: nothing held production'}</Fact>
        <Fact label="Credits">{r.creditsUsed.toLocaleString()}</Fact>
      </dl>

      {report ? <Report report={report} metric={r.metric} /> : r.status !== 'training' && <p className="muted">This run has no comparison report.</p>}
    </section>
  );
}

function Report({ report, metric: runMetric }: { report: RunReport; metric: string | null }) {
  const metric = report.metric ?? runMetric ?? '';
  const candidate = report.candidate?.metrics ?? {};
  const champion = report.champion?.metrics ?? {};
  const names = [...new Set([...Object.keys(candidate), ...Object.keys(champion)])];
  const primary = names.find((n) => n.toLowerCase() === metric.toLowerCase());
  const ordered = primary ? [primary, ...names.filter((n) => n !== primary)] : names;
  const holdout = report.holdout;
  const count = (n: number | undefined, what: string) => (n === undefined ? [] : [`${n.toLocaleString()} ${what}`]);
  const holdoutCounts = [
    ...count(holdout?.rows, 'rows held out'),
    ...count(holdout?.scoredRows, 'scored by both models'),
    ...count(holdout?.trainRows, 'rows trained on'),
  ];
  const guardrails = report.guardrails ?? [];
  return (
    <>
      <h2>Held-out rows</h2>
      <p data-testid="holdout-description">{holdout?.description ?? 'Not recorded.'}</p>
      {holdoutCounts.length > 0 && <p className="muted small">{holdoutCounts.join(', ')}.</p>}

      <h2>Both models on them</h2>
      {ordered.length === 0 ? (
        <p className="muted">No metrics were recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="report-metrics">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" className="num">
                  Candidate
                </th>
                <th scope="col" className="num">
                  Champion{report.champion?.version !== undefined ? ` (v${report.champion.version})` : ''}
                </th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((n) => (
                <tr key={n} className={n === primary ? 'primary-metric' : undefined}>
                  <th scope="row">
                    {metricName(n)}
                    {n === primary && <span className="metric-badge">primary</span>}
                  </th>
                  <td className="num">{formatScore(candidate[n])}</td>
                  <td className="num">{report.champion ? formatScore(champion[n]) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Gain</h2>
      {report.gain ? (
        <p data-testid="run-gain">
          {metricName(metric)} {signed(report.gain.value)} (95% interval {signed(report.gain.lower)} to {signed(report.gain.upper)})
          {report.margin !== undefined && <span className="muted">; the margin is {formatScore(report.margin)}</span>}.
        </p>
      ) : (
        <p data-testid="run-gain" className="muted">
          {report.champion
            ? 'No gain to measure: the two models could not be compared on these rows (see the reasons).'
            : 'No gain to measure: no model held production to compare with.'}
        </p>
      )}

      <h2>Guardrails</h2>
      {guardrails.length === 0 ? (
        <p className="muted">No guardrails.</p>
      ) : (
        <div className="table-wrap">
          <table className="report-guardrails">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" className="num">
                  Champion
                </th>
                <th scope="col" className="num">
                  Candidate
                </th>
                <th scope="col" className="num">
                  Drop
                </th>
                <th scope="col" className="num">
                  Tolerance
                </th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {guardrails.map((g) => (
                <tr key={g.metric}>
                  <th scope="row">{metricName(g.metric)}</th>
                  <td className="num">{formatScore(g.champion)}</td>
                  <td className="num">{formatScore(g.candidate)}</td>
                  <td className="num">{signed(g.drop)}</td>
                  <td className="num">{formatScore(g.tolerance)}</td>
                  <td>
                    <span className={`chip ${g.holds ? 'succeeded' : 'failed'}`}>{g.holds ? 'held' : 'failed'}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Reasons</h2>
      {(report.reasons ?? []).length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ul className="reasons" data-testid="run-reasons">
          {report.reasons!.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
