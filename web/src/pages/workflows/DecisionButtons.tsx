import { useRef, useState, type FormEvent } from 'react';
import { useDecideRun, type WorkflowRun } from '../../api/workflows';
import ProblemAlert from '../../components/ProblemAlert';

/** Approve (production moves to the candidate) or reject a run awaiting approval, each with an optional reason. */
export default function DecisionButtons({ workflowId, run, compact = false }: { workflowId: string; run: WorkflowRun; compact?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [approve, setApprove] = useState(true);
  const [reason, setReason] = useState('');
  const decide = useDecideRun(workflowId, run.id);
  const open = (a: boolean) => {
    setApprove(a);
    decide.reset();
    dialog.current?.showModal();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate({ approve, reason }, { onSuccess: () => dialog.current?.close() });
  };
  const version = run.candidateVersion !== null ? `v${run.candidateVersion}` : 'the candidate';
  const size = compact ? ' small' : '';
  return (
    <div className="row decision-buttons">
      <button type="button" className={compact ? 'small' : undefined} onClick={() => open(true)}>
        Approve
      </button>
      <button type="button" className={`secondary${size}`} onClick={() => open(false)}>
        Reject
      </button>
      <dialog ref={dialog} aria-label={approve ? `Approve ${version}` : `Reject ${version}`}>
        <form className="stack" onSubmit={onSubmit}>
          <p style={{ margin: 0 }}>
            {approve
              ? `Move production to ${version}. Endpoints serving production answer with it from their next request.`
              : `Keep production where it is. ${version === 'the candidate' ? 'The candidate' : version} stays a version of the registered model.`}
          </p>
          <label>
            Reason (optional)
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} />
          </label>
          <ProblemAlert error={decide.error} />
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className={approve ? undefined : 'danger'} disabled={decide.isPending}>
              {decide.isPending ? 'Saving…' : approve ? `Approve ${version}` : `Reject ${version}`}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
