/** A labelled progress bar; value from 0 to 1, or undefined while the total is unknown. */
export default function ProgressBar({ value, label }: { value: number | undefined; label: string }) {
  const percent = value === undefined ? undefined : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className={percent === undefined ? 'progress-fill indeterminate' : 'progress-fill'} style={{ width: `${percent ?? 30}%` }} />
      </div>
      <span className="progress-text">{percent === undefined ? label : `${label}: ${percent}%`}</span>
    </div>
  );
}
