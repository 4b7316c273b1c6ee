import { useRef, type ReactNode } from 'react';

/** A button that asks for confirmation in a modal dialog before running a destructive action. */
export default function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  className = 'secondary small',
  accessibleName,
  cancelLabel = 'Cancel',
  dialogLabel,
}: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  accessibleName?: string;
  cancelLabel?: string;
  /** The dialog's accessible name; the confirm label when not given. */
  dialogLabel?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} aria-label={accessibleName} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} aria-label={dialogLabel ?? confirmLabel}>
        <p>{question}</p>
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
