import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { usePredictRow, type CellValue, type ColumnHints, type InputColumn, type ModelDetail, type Prediction } from '../../api/models';
import ProblemAlert from '../../components/ProblemAlert';
import { formatScore } from '../jobs/jobFormat';

const ShapChart = lazy(() => import('./ShapChart'));

/** A sensible starting value: the data set's first row, else the column's median or most frequent value. */
function startValue(column: InputColumn, firstRow: Record<string, CellValue> | null | undefined, profile: ColumnHints | undefined): string {
  const cell = firstRow?.[column.name];
  if (cell !== undefined && cell !== null) return String(cell);
  if (firstRow) return '';
  if (!profile) return '';
  if (column.kind === 'numeric') {
    const median = profile.quantiles?.find((q) => q.probability === 0.5)?.value ?? profile.mean;
    return median === null || median === undefined ? '' : String(Number(median.toPrecision(6)));
  }
  return profile.topCategories?.[0]?.value ?? '';
}

function toCell(column: InputColumn, text: string): CellValue {
  const value = text.trim();
  if (value === '') return null;
  if (column.kind === 'numeric') {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  if (column.kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

export default function PredictPanel({
  model,
  firstRow,
  profiles,
}: {
  model: ModelDetail;
  firstRow: Record<string, CellValue> | null | undefined;
  profiles: ColumnHints[] | undefined;
}) {
  const columns = model.inputColumns;
  const byName = useMemo(() => new Map((profiles ?? []).map((p) => [p.name, p])), [profiles]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const predict = usePredictRow(model);

  // Prefill once the first row (or the profiles) arrive, unless the user has typed already.
  // Set while rendering when what it is made from changed (not in an effect), so no frame shows empty fields.
  const [prefilledFrom, setPrefilledFrom] = useState<unknown[] | null>(null);
  if (!touched && (prefilledFrom === null || prefilledFrom.some((v, i) => v !== [columns, firstRow, byName][i]))) {
    setPrefilledFrom([columns, firstRow, byName]);
    setValues(Object.fromEntries(columns.map((c) => [c.name, startValue(c, firstRow, byName.get(c.name))])));
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    predict.mutate(Object.fromEntries(columns.map((c) => [c.name, toCell(c, values[c.name] ?? '')])));
  };
  const set = (name: string, value: string) => {
    setTouched(true);
    setValues((old) => ({ ...old, [name]: value }));
  };

  return (
    <div className="predict">
      <form className="card stack" onSubmit={onSubmit} aria-label="Predict one row">
        <div className="predict-fields">
          {columns.map((c) => {
            const profile = byName.get(c.name);
            const listId = `values-${c.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
            return (
              <label key={c.name}>
                {c.name}
                {c.kind === 'boolean' ? (
                  <select value={values[c.name] ?? ''} onChange={(e) => set(c.name, e.target.value)}>
                    <option value="">(missing)</option>
                    <option value="true">true</option>
                    <option value="false">false</option>
                  </select>
                ) : (
                  <input
                    type={c.kind === 'numeric' ? 'number' : 'text'}
                    step="any"
                    value={values[c.name] ?? ''}
                    placeholder="missing"
                    list={profile?.topCategories?.length && c.kind !== 'numeric' ? listId : undefined}
                    onChange={(e) => set(c.name, e.target.value)}
                  />
                )}
                {profile?.topCategories?.length && c.kind !== 'numeric' ? (
                  <datalist id={listId}>
                    {profile.topCategories.map((t) => (
                      <option key={t.value} value={t.value} />
                    ))}
                  </datalist>
                ) : null}
              </label>
            );
          })}
        </div>
        <ProblemAlert error={predict.error} />
        <div className="row">
          <button type="submit" disabled={predict.isPending}>
            {predict.isPending ? 'Predicting…' : 'Predict'}
          </button>
          <span className="muted small">Empty fields are sent as missing values.</span>
        </div>
      </form>
      {predict.data && (
        <PredictionResult model={model} prediction={predict.data.prediction} explained={predict.data.explained} creditsCharged={predict.data.creditsCharged} />
      )}
    </div>
  );
}

/** What the SHAP values add up to (RowPrediction): log-odds for binary, the predicted class's raw score for multiclass. */
function shapUnit(model: ModelDetail, prediction: Prediction): string {
  if (model.task === 'regression') return `predicted ${model.target}`;
  if (model.task === 'binary') return model.classes?.[1] ? `log-odds of ${model.target} = ${model.classes[1]}` : 'log-odds';
  return `raw score of class ${prediction.label ?? ''}`.trim();
}

function PredictionResult({
  model,
  prediction,
  explained,
  creditsCharged,
}: {
  model: ModelDetail;
  prediction: Prediction;
  explained: boolean;
  creditsCharged: number;
}) {
  const probabilities = Object.entries(prediction.probabilities ?? {}).sort((a, b) => b[1] - a[1]);
  return (
    <div className="card prediction" aria-live="polite">
      <h3>Prediction</h3>
      {prediction.label !== null ? (
        <p className="prediction-value">
          {model.target}: <strong data-testid="prediction-label">{prediction.label}</strong>
        </p>
      ) : (
        <p className="prediction-value">
          {model.target}: <strong data-testid="prediction-value">{formatScore(prediction.value)}</strong>
        </p>
      )}
      <p className="muted small" data-testid="prediction-credits">
        Charged {creditsCharged} credit{creditsCharged === 1 ? '' : 's'}.
      </p>
      {probabilities.length > 0 && (
        <table className="probabilities">
          <caption className="visually-hidden">Class probabilities</caption>
          <tbody>
            {probabilities.map(([cls, p]) => (
              <tr key={cls}>
                <th scope="row">{cls}</th>
                <td className="num">{(p * 100).toFixed(1)}%</td>
                <td className="bar-cell" aria-hidden="true">
                  <span style={{ width: `${Math.round(p * 100)}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {prediction.contributions && prediction.expectedValue !== null ? (
        <>
          <h3>Why: SHAP contributions</h3>
          <p className="muted small">
            From the model's average output to this row's, each feature's push up (red) or down (blue).
          </p>
          <Suspense fallback={<div className="chart" style={{ height: 200 }} />}>
            <ShapChart
              expected={prediction.expectedValue}
              contributions={prediction.contributions}
              unit={shapUnit(model, prediction)}
            />
          </Suspense>
        </>
      ) : (
        !explained && <p className="muted small">This model cannot explain its predictions with SHAP values (it has no tree members).</p>
      )}
    </div>
  );
}
