import { useId, useMemo, useState } from 'react';
import { useClearThreshold, useSetThreshold, type ModelDetail } from '../../api/models';
import type { ModelThreshold, ThresholdRequest } from '../../api/types';
import ChartData from '../../components/ChartData';
import ProblemAlert from '../../components/ProblemAlert';
import { pointIndexAt, rates } from './thresholdMath';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const num = (v: number) => v.toFixed(3);

function describe(t: ModelThreshold): string {
  switch (t.objective) {
    case 'default':
      return 'the default';
    case 'value':
      return 'set by hand';
    case 'max-f1':
      return 'the best F1';
    case 'precision':
      return `precision at least ${t.target}`;
    case 'recall':
      return `recall at least ${t.target}`;
    case 'cost':
      return `least cost (a false positive ${t.costs?.falsePositive}, a false negative ${t.costs?.falseNegative})`;
    default:
      return t.objective;
  }
}

/**
 * A binary model's decision threshold: a slider over the stored validation points showing the rates and the confusion
 * matrix there, Save for the slider's value, and objectives the API searches the same points for.
 */
/** "Precision (or recall) at least x": the form that asks for the threshold meeting a target. */
function TargetForm({ label, value, onChange, busy, onMeet }: { label: 'Precision' | 'Recall'; value: string; onChange: (value: string) => void; busy: boolean; onMeet: (target: number) => void }) {
  const name = label.toLowerCase();
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        onMeet(Number(value));
      }}
    >
      <label>
        {label} at least{' '}
        <input type="number" min={0.01} max={1} step={0.01} value={value} onChange={(e) => onChange(e.target.value)} data-testid={`${name}-target`} />
      </label>
      <button type="submit" className="secondary" disabled={busy}>
        Meet {name}
      </button>
    </form>
  );
}

export default function ThresholdPanel({ model }: { model: ModelDetail }) {
  const points = useMemo(() => model.curves.thresholds ?? [], [model.curves.thresholds]);
  const saved = model.threshold!;
  const [index, setIndex] = useState(() => pointIndexAt(points, saved.value));
  const [precisionTarget, setPrecisionTarget] = useState('0.9');
  const [recallTarget, setRecallTarget] = useState('0.8');
  const [costFp, setCostFp] = useState('1');
  const [costFn, setCostFn] = useState('5');
  const set = useSetThreshold(model.id);
  const clear = useClearThreshold(model.id);
  const sliderId = useId();
  const busy = set.isPending || clear.isPending;

  // A newly saved choice (from an objective or a reset) moves the slider to it: adjusted while rendering, as React advises.
  const [shownSaved, setShownSaved] = useState(saved.value);
  if (shownSaved !== saved.value) {
    setShownSaved(saved.value);
    setIndex(pointIndexAt(points, saved.value));
  }

  const [negative, positive] = model.classes ?? ['negative', 'positive'];
  if (points.length === 0) {
    return (
      <p className="muted" data-testid="threshold-none">
        Decision threshold {saved.value} ({describe(saved)}). This model was trained before validation counts per threshold were stored: train it
        again to choose a threshold with the slider.
      </p>
    );
  }

  const point = points[index];
  const r = rates(point);
  const atSaved = Math.abs(point.threshold - saved.value) < 1e-12;
  const choose = (request: ThresholdRequest) => {
    clear.reset();
    set.mutate(request);
  };

  return (
    <div className="card threshold-panel" data-testid="threshold-panel">
      <p data-testid="threshold-saved">
        Saved threshold <strong>{num(saved.value)}</strong> ({describe(saved)}): rows whose probability of <strong>{positive}</strong> reaches it are
        labelled {positive} in every prediction; the probabilities do not change.
      </p>
      <label htmlFor={sliderId} className="threshold-label">
        Threshold <output data-testid="threshold-value">{num(point.threshold)}</output>
      </label>
      <input
        id={sliderId}
        type="range"
        min={0}
        max={points.length - 1}
        step={1}
        value={index}
        onChange={(e) => setIndex(Number(e.target.value))}
        aria-valuetext={`threshold ${num(point.threshold)}: precision ${pct(r.precision)}, recall ${pct(r.recall)}`}
        data-testid="threshold-slider"
      />
      <div className="stats metric-cards" data-testid="threshold-rates">
        {(
          [
            ['Precision', r.precision],
            ['Recall', r.recall],
            ['F1', r.f1],
            ['Accuracy', r.accuracy],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="stat">
            <div className="label">{label}</div>
            <div className="value" data-testid={`threshold-${label.toLowerCase()}`}>
              {pct(value)}
            </div>
          </div>
        ))}
      </div>
      <div className="table-wrap">
        <table className="threshold-confusion" data-testid="threshold-confusion">
          <caption>Validation rows at this threshold</caption>
          <thead>
            <tr>
              <th scope="col">Actual \ predicted</th>
              <th scope="col" className="num">{negative}</th>
              <th scope="col" className="num">{positive}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{negative}</th>
              <td className="num">{point.trueNegatives}</td>
              <td className="num">{point.falsePositives}</td>
            </tr>
            <tr>
              <th scope="row">{positive}</th>
              <td className="num">{point.falseNegatives}</td>
              <td className="num">{point.truePositives}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="row threshold-actions">
        <button type="button" disabled={busy || atSaved} onClick={() => choose({ threshold: point.threshold })} data-testid="threshold-save">
          Save threshold {num(point.threshold)}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || saved.objective === 'default'}
          onClick={() => {
            set.reset();
            clear.mutate();
          }}
        >
          Reset to 0.5
        </button>
      </div>
      <h3>Choose for me</h3>
      <div className="threshold-objectives">
        <button type="button" className="secondary" disabled={busy} onClick={() => choose({ objective: 'max-f1' })}>
          Maximise F1
        </button>
        <TargetForm label="Precision" value={precisionTarget} onChange={setPrecisionTarget} busy={busy} onMeet={(target) => choose({ objective: 'precision', target })} />
        <TargetForm label="Recall" value={recallTarget} onChange={setRecallTarget} busy={busy} onMeet={(target) => choose({ objective: 'recall', target })} />
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            choose({ objective: 'cost', costs: { falsePositive: Number(costFp), falseNegative: Number(costFn) } });
          }}
        >
          <label>
            A false positive costs <input type="number" min={0} step="any" value={costFp} onChange={(e) => setCostFp(e.target.value)} />
          </label>
          <label>
            a false negative <input type="number" min={0} step="any" value={costFn} onChange={(e) => setCostFn(e.target.value)} />
          </label>
          <button type="submit" className="secondary" disabled={busy}>
            Least cost
          </button>
        </form>
      </div>
      <ProblemAlert error={set.error ?? clear.error} />
      <ChartData
        caption="Validation rates at each stored threshold"
        columns={['Threshold', 'Precision', 'Recall', 'F1', 'Accuracy', 'True pos', 'False pos', 'True neg', 'False neg']}
        rows={points.map((p, i) => {
          const x = rates(p);
          // Rows are keyed by their first cell: two thresholds that round alike are shown with more digits.
          const label = i > 0 && num(points[i - 1].threshold) === num(p.threshold) ? p.threshold.toFixed(6) : num(p.threshold);
          return [label, pct(x.precision), pct(x.recall), pct(x.f1), pct(x.accuracy), p.truePositives, p.falsePositives, p.trueNegatives, p.falseNegatives];
        })}
      />
    </div>
  );
}
