import { usePauseWorkflow, useRunWorkflow, isTraining, type Workflow } from '../../api/workflows';
import ProblemAlert from '../../components/ProblemAlert';

/** Run now and pause/resume: a workflow's buttons on the list and on its page. */
export default function WorkflowControls({ workflow: w, compact = false }: { workflow: Workflow; compact?: boolean }) {
  const run = useRunWorkflow(w.id);
  const pause = usePauseWorkflow(w.id);
  const busy = isTraining(w.lastRun);
  const size = compact ? ' small' : '';
  return (
    <div className={compact ? 'workflow-controls compact' : 'workflow-controls'}>
      <div className="row">
        <button
          type="button"
          className={compact ? 'small' : undefined}
          onClick={() => run.mutate()}
          disabled={run.isPending || w.paused || busy}
          aria-label={compact ? `Run ${w.name} now` : undefined}
          title={w.paused ? 'Resume the workflow to run it' : busy ? 'A run is still training' : undefined}
        >
          {run.isPending ? 'Starting…' : 'Run now'}
        </button>
        <button
          type="button"
          className={`secondary${size}`}
          onClick={() => pause.mutate(!w.paused)}
          disabled={pause.isPending}
          aria-label={compact ? `${w.paused ? 'Resume' : 'Pause'} ${w.name}` : undefined}
        >
          {w.paused ? 'Resume' : 'Pause'}
        </button>
      </div>
      <ProblemAlert error={run.error ?? pause.error} />
    </div>
  );
}
