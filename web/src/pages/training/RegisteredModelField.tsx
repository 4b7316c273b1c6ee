import { useRegisteredModelChoices } from '../../api/registry';

/**
 * Optional: a registered model the job's model becomes the next version of. Only those of the same task (or with no
 * task yet) are offered: the API refuses a version of another task.
 */
export default function RegisteredModelField({
  value, onChange, task, error,
}: { value: string; onChange: (name: string) => void; task: string | null; error?: string }) {
  const choices = useRegisteredModelChoices();
  const fitting = (choices.data ?? []).filter((m) => !task || !m.task || m.task === task || m.name === value);
  return (
    <label>
      Register the model as a new version of
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error} aria-describedby="registered-model-hint">
        <option value="">{choices.isPending ? 'Loading…' : 'No registered model'}</option>
        {fitting.map((m) => (
          <option key={m.id} value={m.name}>
            {m.name}
            {m.latestVersion > 0 ? ` (next: v${m.latestVersion + 1})` : ' (first version)'}
          </option>
        ))}
      </select>
      <span id="registered-model-hint" className="muted small" style={{ fontWeight: 400 }}>
        Optional. When training succeeds, its model is added to this registered model.
      </span>
      {error && (
        <span className="field-error">{error}</span>
      )}
    </label>
  );
}
