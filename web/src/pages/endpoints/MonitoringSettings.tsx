import { useState, type FormEvent } from 'react';
import { useUpdateMonitoring, type Monitoring } from '../../api/monitoring';
import ProblemAlert from '../../components/ProblemAlert';
import { thresholdsToSend, type ThresholdDraft } from './monitoringFormat';

/**
 * The window length and each feature's own warning and alert lines (empty fields keep the defaults), saved together.
 * Its fields start from what the API answered; the page gives it a new key when that changes.
 */
export default function MonitoringSettings({ name, monitoring: m }: { name: string; monitoring: Monitoring }) {
  const features = m.baselines.map((b) => b.feature);
  const [hours, setHours] = useState(String(m.windowHours));
  const [drafts, setDrafts] = useState<Record<string, ThresholdDraft>>(() =>
    Object.fromEntries(
      features.map((f) => [f, { warn: m.thresholds[f] ? String(m.thresholds[f].warn) : '', alert: m.thresholds[f] ? String(m.thresholds[f].alert) : '' }]),
    ),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateMonitoring(name);

  const setDraft = (feature: string, line: keyof ThresholdDraft, value: string) =>
    setDrafts((d) => ({ ...d, [feature]: { ...d[feature], [line]: value } }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const answer = thresholdsToSend(drafts, { warn: m.warn, alert: m.alert });
    if ('error' in answer) {
      setFormError(answer.error);
      return;
    }
    setFormError(null);
    update.mutate({ windowHours: Number(hours), thresholds: answer.thresholds });
  };

  return (
    <form className="card stack monitoring-settings" aria-label="Monitoring settings" onSubmit={onSubmit}>
      <h3>Settings</h3>
      <label>
        Window length (hours)
        <input type="number" inputMode="numeric" min={1} max={168} step={1} value={hours} onChange={(e) => setHours(e.target.value)} required />
      </label>
      <p className="muted small" style={{ margin: 0 }}>
        1 to 168 hours. A new length starts after the last window judged; no window is judged twice.
      </p>
      {features.length > 0 && (
        <fieldset className="plain">
          <legend>Thresholds per feature (Jensen-Shannon distance, 0 &lt; warn &lt; alert ≤ 1)</legend>
          <p className="muted small" style={{ margin: 0 }}>
            Empty fields keep the defaults: warn at {m.warn}, alert at {m.alert}.
          </p>
          <div className="table-wrap">
            <table className="thresholds-table">
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col">Warn</th>
                  <th scope="col">Alert</th>
                </tr>
              </thead>
              <tbody>
                {features.map((f) => (
                  <tr key={f}>
                    <th scope="row" className="mono">
                      {f}
                    </th>
                    <td>
                      <input
                        type="number"
                        step="any"
                        inputMode="decimal"
                        aria-label={`Warn threshold of ${f}`}
                        placeholder={String(m.warn)}
                        value={drafts[f]?.warn ?? ''}
                        onChange={(e) => setDraft(f, 'warn', e.target.value)}
                      />
                    </td>
                    <td>
                      <input
                        type="number"
                        step="any"
                        inputMode="decimal"
                        aria-label={`Alert threshold of ${f}`}
                        placeholder={String(m.alert)}
                        value={drafts[f]?.alert ?? ''}
                        onChange={(e) => setDraft(f, 'alert', e.target.value)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
      )}
      {formError && (
        <div className="alert" role="alert">
          {formError}
        </div>
      )}
      <ProblemAlert error={update.error} />
      {update.isSuccess && !update.isPending && (
        <p className="notice" role="status">
          Saved: windows of {update.data.windowHours} hour{update.data.windowHours === 1 ? '' : 's'}
          {Object.keys(update.data.thresholds).length > 0 ? `, own thresholds for ${Object.keys(update.data.thresholds).join(', ')}` : ', default thresholds'}.
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
