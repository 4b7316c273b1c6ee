import { Link } from 'react-router';
import type { Workflow, WorkflowRun } from '../../api/workflows';
import { formatScore, formatWhen } from '../jobs/jobFormat';
import DecisionButtons from './DecisionButtons';
import RunStatusChip from './RunStatusChip';
import { triggerText } from './workflowFormat';

/** A workflow's runs, newest first: what started each, on which version, what it decided and why. */
export default function RunsTable({ workflow, runs }: { workflow: Workflow; runs: WorkflowRun[] }) {
  return (
    <div className="table-wrap">
      <table className="runs-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Trigger</th>
            <th scope="col">Data set</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Candidate</th>
            <th scope="col" className="num">Champion</th>
            <th scope="col">Reason</th>
            <th scope="col">Job</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-testid="run-row" data-status={r.status}>
              <th scope="row" className="nowrap">
                <Link to={`/workflows/${workflow.id}/runs/${r.id}`}>{formatWhen(r.createdAt)}</Link>
              </th>
              <td className="nowrap">{triggerText(r.trigger)}</td>
              <td className="nowrap">{r.datasetVersion !== null ? `v${r.datasetVersion}` : '—'}</td>
              <td>
                <RunStatusChip status={r.status} />
                {r.status === 'awaiting-approval' && <DecisionButtons workflowId={workflow.id} run={r} compact />}
              </td>
              <td className="num nowrap">
                {formatScore(r.candidateScore)}
                {r.candidateVersion !== null && <span className="muted small"> v{r.candidateVersion}</span>}
              </td>
              <td className="num nowrap">
                {formatScore(r.championScore)}
                {r.championVersion !== null && <span className="muted small"> v{r.championVersion}</span>}
              </td>
              <td className="reason">{r.reason ?? (r.status === 'training' ? 'Training the candidate…' : '—')}</td>
              <td>{r.jobId ? <Link to={`/jobs/${r.jobId}`}>job</Link> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
