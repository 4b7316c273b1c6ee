import { useState, type FormEvent } from 'react';
import { POLICIES, useUpdateWorkflow, type Policy, type Workflow } from '../../api/workflows';
import ProblemAlert from '../../components/ProblemAlert';
import ScheduleFields, { initialSchedule, scheduleCron } from './ScheduleFields';
import { describeSchedule, policyWords } from './workflowFormat';
import PolicyChoices from './PolicyChoices';

/** What may change about a workflow: its promotion policy and margin, caps, budget and triggers. */
export default function WorkflowSettingsForm({ workflow: w }: { workflow: Workflow }) {
  const [policy, setPolicy] = useState<Policy>(POLICIES.includes(w.policy as Policy) ? (w.policy as Policy) : 'automatic');
  const [margin, setMargin] = useState(w.margin);
  const [runCap, setRunCap] = useState(w.runCreditCap);
  const [monthlyCap, setMonthlyCap] = useState(w.monthlyCreditCap);
  const [budget, setBudget] = useState(w.budgetSeconds);
  const [schedule, setSchedule] = useState(() => initialSchedule(w.schedule));
  const [onNewVersion, setOnNewVersion] = useState(w.onNewVersion);
  const [debounceMinutes, setDebounceMinutes] = useState(Math.max(1, Math.round(w.debounceSeconds / 60)));
  const update = useUpdateWorkflow(w.id);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({
      policy,
      margin,
      runCreditCap: runCap,
      monthlyCreditCap: monthlyCap,
      budgetSeconds: budget,
      schedule: schedule.on ? { cron: scheduleCron(schedule), timeZone: schedule.timeZone } : null,
      clearSchedule: !schedule.on && w.schedule !== null,
      onNewVersion,
      debounceSeconds: onNewVersion ? Math.round(debounceMinutes * 60) : null,
    });
  };

  return (
    <form className="stack workflow-form" aria-label="Workflow settings" onSubmit={onSubmit}>
      <PolicyChoices name="settings-policy" policy={policy} onChange={setPolicy} />
      <div className="form-pair">
        <label>
          Least gain that counts as better
          <input type="number" min={0} max={1} step="any" value={margin} onChange={(e) => setMargin(Number(e.target.value))} required />
        </label>
        <label>
          Budget in seconds
          <input type="number" min={10} max={21600} step={1} value={budget} onChange={(e) => setBudget(Number(e.target.value))} required />
        </label>
        <label>
          Credit cap per run
          <input type="number" min={1} step={1} value={runCap} onChange={(e) => setRunCap(Number(e.target.value))} required />
        </label>
        <label>
          Credit cap per month
          <input type="number" min={1} step={1} value={monthlyCap} onChange={(e) => setMonthlyCap(Number(e.target.value))} required />
        </label>
      </div>
      <fieldset className="plain">
        <legend>Triggers</legend>
        <ScheduleFields value={schedule} onChange={setSchedule} />
        <label className="checkbox">
          <input type="checkbox" checked={onNewVersion} onChange={(e) => setOnNewVersion(e.target.checked)} />
          Run when a new version of the data set is uploaded
        </label>
        {onNewVersion && (
          <label className="nested">
            Wait for this many quiet minutes first
            <input type="number" min={1} max={1440} step={1} value={debounceMinutes} onChange={(e) => setDebounceMinutes(Number(e.target.value))} required />
          </label>
        )}
      </fieldset>
      <ProblemAlert error={update.error} />
      <div className="row">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
        {update.isSuccess && !update.isPending && (
          <span role="status" className="muted small">
            Saved: {policyWords[update.data.policy] ?? update.data.policy}; {describeSchedule(update.data.schedule)}.
          </span>
        )}
      </div>
    </form>
  );
}
