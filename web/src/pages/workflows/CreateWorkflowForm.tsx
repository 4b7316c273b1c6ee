import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useDataset } from '../../api/datasets';
import { inferTask, metricsByTask, useJob, useJobs, useQuote, useReadyDatasets, type TaskKind } from '../../api/jobs';
import type { Job } from '../../api/types';
import { useCreateWorkflow, type CreateWorkflowRequest, type Guardrail, type Policy } from '../../api/workflows';
import ProblemAlert from '../../components/ProblemAlert';
import { formatScore, formatSeconds, formatWhen, shortId } from '../jobs/jobFormat';
import { metricName } from '../models/modelFormat';
import ScheduleFields, { initialSchedule, scheduleCron } from './ScheduleFields';
import PolicyChoices from './PolicyChoices';
import { proposedCaps, proposedModelName, validModelName } from './workflowFormat';

/**
 * A new workflow. From a finished training job (jobId, fixed when the job page opened the form) the data set, target,
 * task, metric and budget are the job's and everything else has a proposal, so one click creates it; without one the
 * user picks a finished job or a data set, target and budget.
 */
export default function CreateWorkflowForm({ jobId: fixedJobId }: { jobId?: string }) {
  const [source, setSource] = useState<'job' | 'dataset'>('job');
  const [chosenJobId, setChosenJobId] = useState('');
  const jobId = fixedJobId ?? (source === 'job' ? chosenJobId : '');
  const job = useJob(jobId);
  const j = jobId && job.data?.id === jobId ? job.data : undefined;

  const [datasetChoice, setDatasetChoice] = useState('');
  const [targetChoice, setTargetChoice] = useState('');
  const [budget, setBudget] = useState(60);
  const datasetId = j ? j.datasetId : source === 'dataset' ? datasetChoice : '';
  const dataset = useDataset(datasetId || undefined);
  const target = j ? (j.target ?? '') : targetChoice;
  const task: TaskKind | null = j ? ((j.task as TaskKind | null) ?? null) : dataset.data && target ? inferTask(dataset.data, target) : null;

  // What one run costs today: the quote of the same request, or what the job was charged.
  const quoteRequest = useMemo(
    () =>
      datasetId && target
        ? { datasetId, target, task: j?.task ?? null, metric: j?.metric ?? null, budgetSeconds: j ? j.budgetSeconds : budget, excludedColumns: null, force: true }
        : null,
    [datasetId, target, j, budget],
  );
  const quote = useQuote(quoteRequest);
  const runPrice = Math.max(quote.data?.credits ?? 0, j?.chargedCredits ?? 0);
  const caps = proposedCaps(runPrice);

  // Each field shows its proposal until the user types in it (null: untouched).
  const [name, setName] = useState<string | null>(null);
  const [modelName, setModelName] = useState<string | null>(null);
  const [runCap, setRunCap] = useState<number | null>(null);
  const [monthlyCap, setMonthlyCap] = useState<number | null>(null);
  const datasetName = dataset.data?.name ?? '';
  const proposedName = target && datasetName ? `${target} on ${datasetName}`.slice(0, 64) : '';
  const nameValue = name ?? proposedName;
  const modelValue = modelName ?? (j?.registeredModel || (target && datasetName ? proposedModelName(datasetName, target) : ''));
  const runCapValue = runCap ?? caps.run;
  const monthlyCapValue = monthlyCap ?? caps.monthly;

  const [policy, setPolicy] = useState<Policy>('automatic');
  const [schedule, setSchedule] = useState(() => initialSchedule());
  const [onNewVersion, setOnNewVersion] = useState(false);
  const [debounceMinutes, setDebounceMinutes] = useState(10);
  const [margin, setMargin] = useState(0.005);
  const [timeColumn, setTimeColumn] = useState('');
  const [guardrails, setGuardrails] = useState<Guardrail[]>([]);

  const create = useCreateWorkflow();
  const navigate = useNavigate();
  const cron = scheduleCron(schedule);
  const metrics = task ? metricsByTask[task] : [];
  const modelNameOk = modelValue === '' || validModelName(modelValue);
  const ready = datasetId !== '' && target !== '' && nameValue.trim() !== '' && modelNameOk && (!schedule.on || cron !== '');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const recipe: Partial<CreateWorkflowRequest> = j ? { jobId: j.id } : { datasetId, target, budgetSeconds: budget };
    create.mutate(
      {
        ...recipe,
        name: nameValue.trim(),
        registeredModel: modelValue || null,
        policy,
        margin,
        guardrails,
        runCreditCap: runCapValue,
        monthlyCreditCap: monthlyCapValue,
        schedule: schedule.on ? { cron, timeZone: schedule.timeZone } : null,
        onNewVersion,
        debounceSeconds: onNewVersion ? Math.round(debounceMinutes * 60) : null,
        timeColumn: timeColumn || null,
      },
      { onSuccess: (workflow) => void navigate(`/workflows/${workflow.id}`) },
    );
  };

  return (
    <form className="card stack create-form workflow-form" aria-label="New workflow" onSubmit={onSubmit}>
      {!fixedJobId && (
        <div className="radio-row" role="radiogroup" aria-label="Start from">
          <label>
            <input type="radio" name="source" checked={source === 'job'} onChange={() => setSource('job')} />
            A finished training job
          </label>
          <label>
            <input type="radio" name="source" checked={source === 'dataset'} onChange={() => setSource('dataset')} />A data set
          </label>
        </div>
      )}
      {!fixedJobId && source === 'job' && <JobChoice value={chosenJobId} onChange={setChosenJobId} />}
      {!fixedJobId && source === 'dataset' && (
        <DatasetChoice
          datasetId={datasetChoice}
          onDataset={(id) => {
            setDatasetChoice(id);
            setTargetChoice('');
          }}
          columns={dataset.data?.columns?.map((c) => c.name) ?? []}
          target={targetChoice}
          onTarget={setTargetChoice}
          budget={budget}
          onBudget={setBudget}
        />
      )}
      {jobId && job.isPending && <p className="muted">Reading the training job…</p>}
      {j && <JobSummary job={j} datasetName={datasetName} />}

      <label>
        Name
        <input value={nameValue} onChange={(e) => setName(e.target.value)} required maxLength={64} />
      </label>
      <label>
        Registered model
        <input
          value={modelValue}
          onChange={(e) => setModelName(e.target.value)}
          required
          maxLength={100}
          aria-describedby="workflow-model-help"
          aria-invalid={!modelNameOk}
        />
        <span id="workflow-model-help" className={modelNameOk ? 'help muted small' : 'help field-error small'}>
          Each candidate becomes its next version; created when it does not exist. Lower-case letters, digits and dashes, starting with a letter.
        </span>
      </label>

      <PolicyChoices name="policy" policy={policy} onChange={setPolicy} />

      <div className="form-pair">
        <label>
          Credit cap per run
          <input type="number" min={1} step={1} value={runCapValue} onChange={(e) => setRunCap(Number(e.target.value))} required />
        </label>
        <label>
          Credit cap per month
          <input type="number" min={1} step={1} value={monthlyCapValue} onChange={(e) => setMonthlyCap(Number(e.target.value))} required />
        </label>
      </div>
      {runPrice > 0 && (
        <p className="muted small" style={{ margin: 0 }}>
          A run costs about {runPrice.toLocaleString()} {runPrice === 1 ? 'credit' : 'credits'} today. A run whose price passes either cap is skipped.
        </p>
      )}

      <fieldset className="plain">
        <legend>Triggers</legend>
        <p className="muted small" style={{ margin: 0 }}>
          Run now starts a run whenever the workflow is not paused. Add a schedule, new data set versions, or both.
        </p>
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

      <details className="more-settings">
        <summary>More settings: margin, guardrails, time column</summary>
        <div className="stack">
          <label>
            Least gain that counts as better ({metricName(j?.metric ?? metrics[0] ?? 'metric')})
            <input type="number" min={0} max={1} step="any" value={margin} onChange={(e) => setMargin(Number(e.target.value))} required />
          </label>
          <label>
            Compare on the newest rows by
            <select value={timeColumn} onChange={(e) => setTimeColumn(e.target.value)}>
              <option value="">No time column: a stratified holdout</option>
              {dataset.data?.columns
                ?.filter((c) => c.name !== target)
                .map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
            </select>
          </label>
          <GuardrailsEditor guardrails={guardrails} metrics={metrics} onChange={setGuardrails} />
        </div>
      </details>

      <ProblemAlert error={create.error} />
      <div className="row">
        <button type="submit" disabled={create.isPending || !ready}>
          {create.isPending ? 'Creating…' : 'Create workflow'}
        </button>
      </div>
    </form>
  );
}

function JobSummary({ job, datasetName }: { job: Job; datasetName: string }) {
  if (job.kind !== 'train' || job.status !== 'succeeded') {
    return (
      <div className="warning" role="note">
        Training job {shortId(job.id)} has not succeeded ({job.status}): a workflow copies a finished training job.
      </div>
    );
  }
  return (
    <p className="notice" data-testid="workflow-recipe" style={{ margin: 0 }}>
      Copies training job {shortId(job.id)}: data set {datasetName || shortId(job.datasetId)}, target {job.target}
      {job.task ? `, ${job.task}` : ''}, {metricName(job.metric ?? 'score')} (it scored {formatScore(job.bestScore)}), a budget of{' '}
      {formatSeconds(job.budgetSeconds)}. Every run trains on the newest version of the data set.
    </p>
  );
}

/** The finished training jobs of the first page of jobs, newest first. */
function JobChoice({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const jobs = useJobs(100);
  const finished = jobs.data?.pages.flatMap((p) => p.items).filter((j) => j.kind === 'train' && j.status === 'succeeded') ?? [];
  return (
    <label>
      Training job to copy
      <select value={value} onChange={(e) => onChange(e.target.value)} required>
        <option value="">{jobs.isPending ? 'Loading…' : finished.length === 0 ? 'No finished training jobs yet' : 'Choose a finished training job'}</option>
        {finished.map((j) => (
          <option key={j.id} value={j.id}>
            {j.target} · {metricName(j.metric ?? 'score')} {formatScore(j.bestScore)} · {formatWhen(j.finishedAt)} · {shortId(j.id)}
          </option>
        ))}
      </select>
      <ProblemAlert error={jobs.error} />
    </label>
  );
}

function DatasetChoice(props: {
  datasetId: string;
  onDataset: (id: string) => void;
  columns: string[];
  target: string;
  onTarget: (t: string) => void;
  budget: number;
  onBudget: (n: number) => void;
}) {
  const datasets = useReadyDatasets();
  return (
    <>
      <label>
        Data set to train on
        <select value={props.datasetId} onChange={(e) => props.onDataset(e.target.value)} required>
          <option value="">{datasets.isPending ? 'Loading…' : 'Choose a data set'}</option>
          {datasets.data?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <ProblemAlert error={datasets.error} />
      <div className="form-pair">
        <label>
          Target column
          <select value={props.target} onChange={(e) => props.onTarget(e.target.value)} required disabled={props.columns.length === 0}>
            <option value="">Choose the column to predict</option>
            {props.columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Budget in seconds
          <input type="number" min={10} max={21600} step={1} value={props.budget} onChange={(e) => props.onBudget(Number(e.target.value))} required />
        </label>
      </div>
    </>
  );
}

function GuardrailsEditor({ guardrails, metrics, onChange }: { guardrails: Guardrail[]; metrics: string[]; onChange: (g: Guardrail[]) => void }) {
  const unused = metrics.filter((m) => !guardrails.some((g) => g.metric === m));
  const set = (i: number, g: Guardrail) => onChange(guardrails.map((x, k) => (k === i ? g : x)));
  return (
    <fieldset className="plain">
      <legend>Guardrails</legend>
      <p className="muted small" style={{ margin: 0 }}>
        A metric that may not get worse by more than its tolerance (in the metric's units) for a candidate to be promoted.
      </p>
      {guardrails.map((g, i) => (
        <div key={i} className="row guardrail-row">
          <label>
            Metric
            <select value={g.metric} onChange={(e) => set(i, { ...g, metric: e.target.value })}>
              {[g.metric, ...unused].map((m) => (
                <option key={m} value={m}>
                  {metricName(m)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tolerance
            <input type="number" min={0} step="any" value={g.tolerance} onChange={(e) => set(i, { ...g, tolerance: Number(e.target.value) })} />
          </label>
          <button type="button" className="secondary small" onClick={() => onChange(guardrails.filter((_, k) => k !== i))} aria-label={`Remove the ${metricName(g.metric)} guardrail`}>
            Remove
          </button>
        </div>
      ))}
      {unused.length > 0 ? (
        <div className="row">
          <button type="button" className="secondary small" onClick={() => onChange([...guardrails, { metric: unused[0], tolerance: 0.01 }])}>
            Add a guardrail
          </button>
        </div>
      ) : (
        metrics.length === 0 && <p className="muted small">Choose the recipe first: the metrics depend on its task.</p>
      )}
    </fieldset>
  );
}
