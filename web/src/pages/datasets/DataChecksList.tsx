import type { DataCheck } from '../../api/types';
import './dataChecks.css';

const ORDER: Record<string, number> = { critical: 0, warning: 1, info: 2 };

/** The data checks as a list a person reads: worst first, each with its columns and what to do. */
export default function DataChecksList({ checks }: { checks: DataCheck[] }) {
  if (checks.length === 0) {
    return <p className="muted">The checks found nothing to worry about.</p>;
  }
  const sorted = [...checks].sort((a, b) => (ORDER[a.severity] ?? 3) - (ORDER[b.severity] ?? 3));
  return (
    <ul className="data-checks" aria-label="Data checks">
      {sorted.map((c) => (
        <li key={`${c.code}:${c.target ?? ''}:${c.columns.join(',')}`} className={`data-check ${c.severity}`} data-code={c.code}>
          <span className={`chip severity ${c.severity}`}>{c.severity}</span>
          <div>
            <p className="data-check-message">{c.message}</p>
            <p className="muted small">{c.action}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
