import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeleteWorkflow, useWorkflow, useWorkflowRuns } from '../../api/workflows';
import ConfirmButton from '../../components/ConfirmButton';
import LoadMore from '../../components/LoadMore';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import ProgressBar from '../../components/ProgressBar';
import Spinner from '../../components/Spinner';
import { formatScore, formatSeconds, formatWhen } from '../jobs/jobFormat';
import { metricName, taskNames } from '../models/modelFormat';
import RunsTable from './RunsTable';
import WorkflowControls from './WorkflowControls';
import WorkflowSettingsForm from './WorkflowSettingsForm';
import { describeSchedule, policyText } from './workflowFormat';
import '../registry/registry.css';
import './workflows.css';

// ECharts comes in its own chunk, so the settings and the runs show before it arrives.
const RunScoreChart = lazy(() => import('./RunScoreChart'));

export default function WorkflowPage() {
  const { id = '' } = useParams();
  const workflow = useWorkflow(id);
  const runs = useWorkflowRuns(id);
  const remove = useDeleteWorkflow(id);
  const navigate = useNavigate();
  const w = workflow.data;
  const heading = <PageHeading title={w?.name ?? 'Workflow'} />;

  if (workflow.isPending || workflow.error || !w) {
    return (
      <section>
        <div className="page-head">{heading}</div>
        {workflow.isPending ? <Spinner label="Loading the workflow" /> : <ProblemAlert error={workflow.error} />}
      </section>
    );
  }

  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];
  const used = w.creditsThisMonth;
  const metric = w.metric ?? items.find((r) => r.metric)?.metric ?? null;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/workflows">Workflows</Link>
      </p>
      <div className="page-head">
        {heading}
        <div className="row">
          {w.paused && (
            <span className="chip paused" data-testid="workflow-paused">
              paused
            </span>
          )}
          <WorkflowControls workflow={w} />
          <ConfirmButton
            label="Delete"
            className="secondary"
            dialogLabel="Delete this workflow?"
            question={`Delete the workflow ${w.name}? Its runs' history goes with it; the registered model, its versions and production stay as they are.`}
            confirmLabel="Delete workflow"
            disabled={remove.isPending}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/workflows') })}
          />
        </div>
      </div>
      <ProblemAlert error={remove.error} />

      <div className="workflow-sections">
        <section className="card" aria-labelledby="recipe-heading">
          <h2 id="recipe-heading">Recipe</h2>
          <dl className="facts">
            <Fact label="Data set">
              <Link to={`/datasets/${w.datasetId}`}>{w.datasetName}</Link> <span className="muted">(newest: v{w.latestDatasetVersion})</span>
            </Fact>
            <Fact label="Target">{w.target}</Fact>
            <Fact label="Task">{w.task ? (taskNames[w.task] ?? w.task) : 'inferred'}</Fact>
            <Fact label="Metric">{w.metric ? metricName(w.metric) : 'the task default'}</Fact>
            <Fact label="Budget">{formatSeconds(w.budgetSeconds)}</Fact>
            {w.excludedColumns.length > 0 && <Fact label="Excluded columns">{w.excludedColumns.join(', ')}</Fact>}
            <Fact label="Held-out rows">{w.timeColumn ? `the newest by ${w.timeColumn}` : 'a stratified holdout'}</Fact>
            <Fact label="Registered model">
              <Link to={`/registered-models/${encodeURIComponent(w.registeredModel)}`}>{w.registeredModel}</Link>
            </Fact>
          </dl>
        </section>

        <section className="card" aria-labelledby="promotion-heading">
          <h2 id="promotion-heading">Promotion</h2>
          <dl className="facts">
            <Fact label="Policy">
              <span data-testid="workflow-policy">{policyText(w.policy)}</span>
            </Fact>
            <Fact label="Margin">
              {formatScore(w.margin)} {metric ? metricName(metric) : ''}
            </Fact>
            <Fact label="Guardrails">
              {w.guardrails.length === 0
                ? 'none'
                : w.guardrails.map((g) => `${metricName(g.metric)} may drop by ${formatScore(g.tolerance)} at most`).join('; ')}
            </Fact>
          </dl>
        </section>

        <section className="card" aria-labelledby="triggers-heading">
          <h2 id="triggers-heading">Triggers</h2>
          <dl className="facts">
            <Fact label="Schedule">
              <span data-testid="workflow-schedule">{describeSchedule(w.schedule)}</span>
            </Fact>
            <Fact label="Next scheduled run">
              <span data-testid="workflow-next-run">{w.paused ? 'none while paused' : w.nextRunAt ? formatWhen(w.nextRunAt) : 'none'}</span>
            </Fact>
            <Fact label="On a new data set version">
              {w.onNewVersion ? `yes, after ${formatSeconds(w.debounceSeconds)} without another upload` : 'no'}
            </Fact>
          </dl>
        </section>

        <section className="card" aria-labelledby="credits-heading">
          <h2 id="credits-heading">Credits</h2>
          <ProgressBar
            value={w.monthlyCreditCap > 0 ? used / w.monthlyCreditCap : 0}
            label={`${used.toLocaleString()} of ${w.monthlyCreditCap.toLocaleString()} credits this month`}
          />
          <p className="muted small">
            At most {w.runCreditCap.toLocaleString()} {w.runCreditCap === 1 ? 'credit' : 'credits'} per run. A run that would pass either cap is
            skipped.
          </p>
        </section>
      </div>
      <details className="card settings-card">
        <summary>Change settings</summary>
        <WorkflowSettingsForm key={w.id} workflow={w} />
      </details>

      <h2>Runs</h2>
      {runs.isPending && <Spinner label="Loading the runs" />}
      <ProblemAlert error={runs.error} />
      {runs.data && items.length === 0 && (
        <p className="muted" data-testid="runs-empty">
          No runs yet. Run now trains a candidate on the newest version of {w.datasetName}.
        </p>
      )}
      {items.length > 0 && (
        <>
          <RunsTable workflow={w} runs={items} />
          <LoadMore query={runs} />
          {metric && items.some((r) => r.candidateScore !== null) && (
            <Suspense fallback={<div className="chart" style={{ height: 240 }} />}>
              <RunScoreChart runs={items} metric={metric} />
            </Suspense>
          )}
        </>
      )}
    </section>
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
