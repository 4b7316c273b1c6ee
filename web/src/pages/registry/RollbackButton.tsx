import { useRef, useState, type FormEvent } from 'react';
import { useMoveAlias } from '../../api/registry';
import ProblemAlert from '../../components/ProblemAlert';

/** Moves production back to the version previous names, after asking why. */
export default function RollbackButton({ name, from, to }: { name: string; from: number | undefined; to: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const move = useMoveAlias(name);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    move.mutate(
      { alias: 'production', version: to, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          dialog.current?.close();
        },
      },
    );
  };

  return (
    <>
      <button type="button" className="secondary" onClick={() => dialog.current?.showModal()}>
        Roll back to v{to}
      </button>
      <dialog ref={dialog} aria-label="Roll back production">
        <form className="stack" onSubmit={onSubmit}>
          <p style={{ margin: 0 }}>
            Move production from {from === undefined ? 'nothing' : `v${from}`} back to v{to}, the version it named before its last move. Endpoints
            serving production answer with v{to} from their next request.
          </p>
          <label>
            Reason for the rollback
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} required rows={2} />
          </label>
          <ProblemAlert error={move.error} />
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="danger" disabled={move.isPending || reason.trim() === ''}>
              {move.isPending ? 'Rolling back…' : `Roll back to v${to}`}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
