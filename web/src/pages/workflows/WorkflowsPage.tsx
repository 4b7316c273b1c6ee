import { Link } from 'react-router';
import { useWorkflows, type Workflow } from '../../api/workflows';
import LoadMore from '../../components/LoadMore';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatWhen } from '../jobs/jobFormat';
import CreateWorkflowForm from './CreateWorkflowForm';
import RunStatusChip from './RunStatusChip';
import WorkflowControls from './WorkflowControls';
import { describeSchedule, policyText } from './workflowFormat';
import '../registry/registry.css';
import './workflows.css';

export default function WorkflowsPage() {
  const list = useWorkflows();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <div className="page-head">
        <PageHeading title="Workflows" />
        <Link className="button secondary" to="/registered-models">
          Registered models
        </Link>
      </div>
      <p className="muted">
        A workflow retrains a model on the newest version of its data set, on a schedule or when a new version arrives, compares the candidate with
        the model in production on rows neither trained on, and promotes it when it is better.
      </p>
      {list.isPending && <Spinner label="Loading your workflows" />}
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 && (
        <div className="card empty-state" data-testid="workflows-empty">
          <p>
            No workflows yet. Open a finished training job and choose <strong>Retrain automatically</strong>, or create one below.
          </p>
        </div>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="workflows-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Data set</th>
                <th scope="col">Registered model</th>
                <th scope="col">Policy</th>
                <th scope="col">Schedule</th>
                <th scope="col">Last run</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((w) => (
                <WorkflowRow key={w.id} workflow={w} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={list} />
      <h2>New workflow</h2>
      <CreateWorkflowForm />
    </section>
  );
}

function WorkflowRow({ workflow: w }: { workflow: Workflow }) {
  return (
    <tr data-testid="workflow-row">
      <th scope="row">
        <Link to={`/workflows/${w.id}`}>{w.name}</Link>
        {w.paused && <span className="chip paused">paused</span>}
      </th>
      <td>
        <Link to={`/datasets/${w.datasetId}`}>{w.datasetName}</Link> <span className="muted small">v{w.latestDatasetVersion}</span>
        <div className="muted small">{w.target}</div>
      </td>
      <td>
        <Link to={`/registered-models/${encodeURIComponent(w.registeredModel)}`}>{w.registeredModel}</Link>
      </td>
      <td className="small">{policyText(w.policy)}</td>
      <td className="small">
        {w.schedule ? describeSchedule(w.schedule) : <span className="muted">none</span>}
        {w.onNewVersion && <div>and on each new version</div>}
        {w.nextRunAt && !w.paused && <div className="muted">next {formatWhen(w.nextRunAt)}</div>}
      </td>
      <td>
        {w.lastRun ? (
          <>
            <Link to={`/workflows/${w.id}/runs/${w.lastRun.id}`}>
              <RunStatusChip status={w.lastRun.status} />
            </Link>
            <div className="muted small nowrap">{formatWhen(w.lastRun.createdAt)}</div>
          </>
        ) : (
          <span className="muted">never run</span>
        )}
      </td>
      <td>
        <WorkflowControls workflow={w} compact />
      </td>
    </tr>
  );
}
