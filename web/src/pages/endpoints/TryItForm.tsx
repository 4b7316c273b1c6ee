import { useMemo, useState, type FormEvent } from 'react';
import { useEndpointPredict } from '../../api/endpoints';
import { useFirstRow } from '../../api/models';
import ProblemAlert from '../../components/ProblemAlert';
import { formatScore } from '../jobs/jobFormat';

/** Sends one JSON row through the endpoint and shows the answer with the version that gave it. */
export default function TryItForm({ name, columns, datasetId }: { name: string; columns: string[]; datasetId: string | undefined }) {
  const firstRow = useFirstRow(datasetId);
  const example = useMemo(() => {
    const row: Record<string, unknown> = {};
    for (const c of columns) row[c] = firstRow.data?.[c] ?? null;
    return JSON.stringify(row, null, 2);
  }, [columns, firstRow.data]);
  const [edited, setEdited] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const predict = useEndpointPredict(name);
  const text = edited ?? example;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch (error) {
      setParseError(`This is not JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      setParseError('Send one row: a JSON object of column names and values.');
      return;
    }
    setParseError(null);
    predict.mutate(row as Record<string, unknown>);
  };

  const answer = predict.data;
  const prediction = answer?.predictions[0];
  return (
    <div className="predict try-it">
      <form className="card stack" aria-label="Try the endpoint" onSubmit={onSubmit}>
        <label>
          One row as JSON
          <textarea value={text} onChange={(e) => setEdited(e.target.value)} spellCheck={false} rows={Math.min(14, columns.length + 2)} />
        </label>
        {parseError && (
          <div className="alert" role="alert">
            {parseError}
          </div>
        )}
        <ProblemAlert error={predict.error} />
        <div className="row">
          <button type="submit" disabled={predict.isPending}>
            {predict.isPending ? 'Sending…' : 'Send'}
          </button>
        </div>
      </form>
      <div className="card prediction" aria-live="polite">
        <h3>Answer</h3>
        {!answer && <p className="muted">The answer shows here, with the version that gave it.</p>}
        {answer && prediction && (
          <>
            <p className="prediction-value">
              <strong data-testid="endpoint-answer">{prediction.label ?? formatScore(prediction.value)}</strong>
            </p>
            <p data-testid="endpoint-answer-version">
              Answered by v{answer.version} ({answer.alias}), request <span className="mono">{answer.requestId}</span>.
            </p>
            <p className="muted small">
              {answer.creditsCharged} credit{answer.creditsCharged === 1 ? '' : 's'} charged.
            </p>
          </>
        )}
      </div>
    </div>
  );
}
