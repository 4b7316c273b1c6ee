import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth';
import { settling, useDataset, useDatasetChecks, useDatasetVersions } from '../../api/datasets';
import {
  inferTask, metricsByTask, newIdempotencyKey, usePricing, useQuote, useReadyDatasets, useSubmitJob,
  type JobRequest, type TaskKind,
} from '../../api/jobs';
import type { DatasetVersion } from '../../api/types';
import { ProblemError } from '../../api/client';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatDate } from '../../components/format';
import RegisteredModelField from './RegisteredModelField';
import DataChecksList from '../datasets/DataChecksList';
import { useDebounced } from './useDebounced';
import './training.css';

const MIN_BUDGET = 10;
const NO_METRICS: string[] = [];
const taskLabels: Record<TaskKind, string> = { binary: 'Binary classification', multiclass: 'Multiclass', regression: 'Regression' };

export default function TrainPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const datasets = useReadyDatasets();
  const me = useMe();
  const pricing = usePricing();

  // ?dataset= from the sample picker, ?datasetId= from a data set's "Train on this".
  const [datasetId, setDatasetId] = useState(params.get('dataset') ?? params.get('datasetId') ?? '');
  const dataset = useDataset(datasetId || undefined);
  // Of a data set with several versions, the one to train on: ?datasetVersion= from a version's "Train on this", else
  // the newest ready one. `trained` is that version (the chosen data set itself when it has a single version).
  const [versionChoice, setVersionChoice] = useState<number | null>(Number(params.get('datasetVersion')) || null);
  const versioned = (dataset.data?.latestVersion ?? 1) > 1;
  const versions = useDatasetVersions(versioned ? datasetId : undefined, 200);
  const allVersions = versions.data?.pages.flatMap((p) => p.items);
  const readyVersions = allVersions?.filter((v) => v.status === 'ready') ?? [];
  const picked = versioned ? (readyVersions.find((v) => v.version === versionChoice) ?? readyVersions[0]) : undefined;
  const trained = useDataset(versioned ? picked?.id : datasetId || undefined);
  const chooseDataset = (id: string) => {
    setDatasetId(id);
    setVersionChoice(null);
  };
  const [target, setTarget] = useState(params.get('target') ?? '');
  const [taskOverride, setTaskOverride] = useState<TaskKind | ''>('');
  const [metric, setMetric] = useState('');
  const [excluded, setExcluded] = useState<string[]>([]);
  // Columns the data checks leave out (a suspected leak) that the user puts back.
  const [kept, setKept] = useState<string[]>([]);
  const [budget, setBudget] = useState(60);
  const [registeredModel, setRegisteredModel] = useState(params.get('registeredModel') ?? '');
  // "Train anyway" answers a warning about one column of one data set; another choice asks again.
  // Each adjustment below is made while rendering, when what it follows changed (React's "adjusting state when a
  // prop changes"), not in an effect: the form never shows a frame with the stale value.
  const [force, setForce] = useState(false);
  const choice = `${datasetId}|${picked?.version ?? ''}|${target}`;
  const [forceChoice, setForceChoice] = useState(choice);
  if (forceChoice !== choice) {
    setForceChoice(choice);
    setForce(false);
  }
  const [idempotencyKey] = useState(newIdempotencyKey);
  const submit = useSubmitJob();

  // The job page's code, ahead of the click that opens it.
  useEffect(() => void import('../jobs/JobPage'), []);

  // The newest ready data set when none is named.
  if (!datasetId && datasets.data && datasets.data.length > 0) setDatasetId(datasets.data[0].id);

  // A data set still being ingested (a sample just copied) is not in the ready list yet: once it is ready the list is
  // read again, and until then the page says what it is waiting for instead of offering another data set.
  const named = dataset.data;
  const listed = !!named && !!datasets.data?.some((d) => d.id === named.id);
  const refetchReady = datasets.refetch;
  useEffect(() => {
    if (named?.status === 'ready' && datasets.data && !listed) void refetchReady();
  }, [named?.status, datasets.data, listed, refetchReady]);
  const waiting = !!named && (settling(named.status) || (named.status === 'ready' && !listed));

  // A data set's suggested target, unless ?target= named one it has (kept while the data set has no columns yet).
  // Each version has columns of its own: another version keeps the target and exclusions it also has.
  const columns = trained.data?.columns ?? [];
  const [profiled, setProfiled] = useState<typeof trained.data | null>(null);
  if (profiled !== trained.data) {
    setProfiled(trained.data);
    if (trained.data?.columns) {
      const names = trained.data.columns.map((c) => c.name);
      const suggestion = trained.data.targetSuggestion;
      setTarget((current) => (names.includes(current) ? current : (suggestion ?? names[names.length - 1] ?? '')));
      setExcluded((current) => current.filter((c) => names.includes(c)));
    }
  }

  const plan = pricing.data?.find((p) => p.tier === (me.data?.tier ?? 'free'));
  const maxBudget = plan?.maxBudgetSeconds ?? 300;
  const [budgetLimit, setBudgetLimit] = useState<number | null>(null);
  if (budgetLimit !== maxBudget) {
    setBudgetLimit(maxBudget);
    setBudget((b) => Math.min(Math.max(b, MIN_BUDGET), maxBudget));
  }

  const inferred = trained.data && target ? inferTask(trained.data, target) : null;
  const task = taskOverride || inferred;
  const metrics = task ? metricsByTask[task] : NO_METRICS;
  const [metricChoices, setMetricChoices] = useState<string[] | null>(null);
  if (metricChoices !== metrics) {
    setMetricChoices(metrics);
    setMetric((m) => (metrics.includes(m) ? m : (metrics[0] ?? '')));
  }

  // The checks for this target, shown before paying: what they leave out is ticked in the excluded columns.
  const checks = useDatasetChecks(trained.data?.id, target, taskOverride || null, trained.data?.status === 'ready');
  const flagged = checks.data?.excludedByDefault ?? [];
  const identifiers = checks.data?.checks.filter((c) => c.code === 'identifier').flatMap((c) => c.columns) ?? [];
  const keptNow = useMemo(() => {
    const flaggedNow = checks.data?.excludedByDefault ?? [];
    const ids = checks.data?.checks.filter((c) => c.code === 'identifier').flatMap((c) => c.columns) ?? [];
    return kept.filter((c) => flaggedNow.includes(c) && !ids.includes(c));
  }, [kept, checks.data]);

  const request: JobRequest | null = useMemo(
    () =>
      // Nothing is quoted before the data set is ready: the API could only answer that it is still being ingested.
      datasetId && target && trained.data?.status === 'ready'
        ? {
            datasetId,
            target,
            task: taskOverride || null,
            metric: metric || null,
            budgetSeconds: budget,
            excludedColumns: excluded.length > 0 ? excluded.filter((c) => c !== target) : null,
            keepColumns: keptNow.length > 0 ? keptNow : null,
            force,
            registeredModel: registeredModel || null,
            // Only a data set with several versions names one: a request for a single version is as it always was.
            datasetVersion: versioned ? (trained.data?.version ?? null) : null,
          }
        : null,
    [datasetId, target, taskOverride, metric, budget, excluded, keptNow, force, registeredModel, trained.data, versioned],
  );
  // A problem the last submission had is about the request as it was; a changed form clears it.
  const resetSubmit = submit.reset;
  useEffect(() => resetSubmit(), [request, resetSubmit]);
  const quoted = useDebounced(request, 300);
  const quote = useQuote(quoted);
  const quoteError = quote.error instanceof ProblemError ? quote.error : null;
  // A data problem is known before paying: the job cannot start until the form is changed (or, for a warning, forced).
  const submitError = submit.error instanceof ProblemError ? submit.error : null;
  const dataProblem = [quoteError, submitError].find((e) => e?.code !== undefined && e.status === 422) ?? null;
  const showForce = force || dataProblem?.overridable === true;

  const fieldError = (field: string) =>
    (submit.error instanceof ProblemError ? submit.error.errors?.[field]?.[0] : undefined) ?? quoteError?.errors?.[field]?.[0];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!request) return;
    submit.mutate({ request, idempotencyKey }, { onSuccess: (job) => void navigate(`/jobs/${job.id}`) });
  };

  return (
    <section className="train-page">
      <div className="page-head">
        <PageHeading title="New training" />
      </div>
      {datasets.isPending ? (
        <Spinner label="Loading your data sets" />
      ) : datasets.error ? (
        <ProblemAlert error={datasets.error} />
      ) : waiting ? (
        <div className="card" data-testid="dataset-waiting">
          <p>
            <strong>{named.name}</strong> is being {named.status === 'uploading' ? 'uploaded' : 'read and profiled'}. The
            training form opens here as soon as it is ready, usually within seconds.
          </p>
          <Spinner label={named.status === 'ready' ? 'Opening the training form' : `Status: ${named.status}`} />
        </div>
      ) : named?.status === 'failed' ? (
        <div className="alert" role="alert">
          <strong>{named.name} could not be read</strong>
          <p>{named.error}</p>
          <Link to="/datasets">Back to the data sets</Link>
        </div>
      ) : datasets.data.length === 0 ? (
        <div className="card">
          <p>You have no data set ready to train on yet.</p>
          <Link className="button" to="/datasets">
            Upload a data set
          </Link>
        </div>
      ) : (
        <form className="card stack train-form" onSubmit={onSubmit} noValidate>
          <label>
            Data set
            <select value={datasetId} onChange={(e) => chooseDataset(e.target.value)} required>
              {datasets.data.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                  {d.version > 1 ? ` · v${d.version}` : ''}
                  {d.rows !== null ? ` (${d.rows.toLocaleString()} rows)` : ''}
                </option>
              ))}
            </select>
          </label>
          {versioned && (
            <VersionField
              versions={allVersions}
              ready={readyVersions}
              value={picked?.version}
              onChange={setVersionChoice}
              error={fieldError('datasetVersion')}
            />
          )}
          <ProblemAlert error={versions.error} />
          {(dataset.isPending || trained.isLoading) && <Spinner label="Reading the data set's columns" />}
          <ProblemAlert error={dataset.error ?? trained.error} />

          {trained.data && (
            <>
              <div className="train-grid">
                <label>
                  Target column
                  <select value={target} onChange={(e) => setTarget(e.target.value)} aria-invalid={!!fieldError('target')}>
                    {columns.map((c) => (
                      <option key={c.name} value={c.name}>
                        {c.name} ({c.type})
                      </option>
                    ))}
                  </select>
                  <FieldError message={fieldError('target')} />
                </label>
                <label>
                  Task
                  <select value={taskOverride} onChange={(e) => setTaskOverride(e.target.value as TaskKind | '')} aria-invalid={!!fieldError('task')}>
                    <option value="">{inferred ? `Inferred: ${taskLabels[inferred]}` : 'Inferred from the target'}</option>
                    {(Object.keys(taskLabels) as TaskKind[]).map((t) => (
                      <option key={t} value={t}>
                        {taskLabels[t]}
                      </option>
                    ))}
                  </select>
                  <FieldError message={fieldError('task')} />
                </label>
                <label>
                  Metric
                  <select value={metric} onChange={(e) => setMetric(e.target.value)} aria-invalid={!!fieldError('metric')}>
                    {metrics.map((m, i) => (
                      <option key={m} value={m}>
                        {m}
                        {i === 0 ? ' (default)' : ''}
                      </option>
                    ))}
                  </select>
                  <FieldError message={fieldError('metric')} />
                </label>
              </div>

              <RegisteredModelField value={registeredModel} onChange={setRegisteredModel} task={task} error={fieldError('registeredModel')} />

              <fieldset className="excluded">
                <legend>Excluded columns</legend>
                <p className="muted small">
                  The engine ignores these columns. Those the data checks flag are ticked for you: untick a suspected leak to
                  train on it anyway.
                </p>
                <div className="checks">
                  {columns
                    .filter((c) => c.name !== target)
                    .map((c) => {
                      const byChecks = flagged.includes(c.name);
                      const identifier = identifiers.includes(c.name);
                      const leftOut = excluded.includes(c.name) || (byChecks && !keptNow.includes(c.name));
                      return (
                        <label key={c.name} className="check">
                          <input
                            type="checkbox"
                            checked={leftOut}
                            disabled={identifier}
                            onChange={(e) => {
                              if (byChecks) {
                                setKept((old) => (e.target.checked ? old.filter((x) => x !== c.name) : [...old, c.name]));
                                if (!e.target.checked) setExcluded((old) => old.filter((x) => x !== c.name));
                              } else {
                                setExcluded((old) => (e.target.checked ? [...old, c.name] : old.filter((x) => x !== c.name)));
                              }
                            }}
                          />
                          {c.name}
                          {byChecks && <span className="muted small"> {identifier ? '(identifier, never trained on)' : '(flagged by the checks)'}</span>}
                        </label>
                      );
                    })}
                </div>
                <FieldError message={fieldError('excludedColumns')} />
              </fieldset>

              {checks.data && checks.data.checks.length > 0 && (
                <details className="train-checks" open={checks.data.checks.some((c) => c.severity !== 'info')}>
                  <summary>
                    Data checks for {target}: {checks.data.checks.length} finding{checks.data.checks.length === 1 ? '' : 's'}
                  </summary>
                  <DataChecksList checks={checks.data.checks} />
                </details>
              )}

              <div className="budget">
                <label>
                  Budget
                  <input
                    type="range"
                    min={MIN_BUDGET}
                    max={maxBudget}
                    step={5}
                    value={budget}
                    onChange={(e) => setBudget(Number(e.target.value))}
                    aria-valuetext={`${budget} seconds`}
                  />
                </label>
                <label className="budget-seconds">
                  Budget in seconds
                  <input
                    type="number"
                    min={MIN_BUDGET}
                    max={maxBudget}
                    value={budget}
                    onChange={(e) => setBudget(Number(e.target.value))}
                    aria-invalid={!!fieldError('budgetSeconds')}
                  />
                </label>
                <p className="muted small">
                  {MIN_BUDGET} s to {maxBudget.toLocaleString()} s on the {me.data?.tier ?? 'free'} tier
                  {plan ? `, ${plan.creditsPerMinute} credits a minute before the size factor` : ''}.
                </p>
                <FieldError message={fieldError('budgetSeconds')} />
              </div>

              <div className="quote" aria-live="polite">
                {quote.data ? (
                  <>
                    <div className="stat">
                      <div className="label">This job holds</div>
                      <div className="value" data-testid="quote-credits">
                        {credits(quote.data.credits)}
                      </div>
                    </div>
                    <div className="stat">
                      <div className="label">Available</div>
                      <div className={quote.data.available < quote.data.credits ? 'value short' : 'value'} data-testid="quote-available">
                        {credits(quote.data.available)}
                      </div>
                    </div>
                    <p className="muted small quote-explain">
                      {sentence(quote.data.breakdown.explanation)} You are charged for the share of the budget the search uses.
                    </p>
                  </>
                ) : quote.isFetching || (request && !quote.error) ? (
                  <Spinner label="Pricing this job" />
                ) : null}
              </div>
              {quoteError && !submit.error && <ProblemAlert error={quoteError} />}
            </>
          )}

          <ProblemAlert error={submit.error} />
          {showForce && (
            <div className="train-anyway">
              <label className="check">
                <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} aria-describedby="train-anyway-note" />
                Train anyway
              </label>
              <span id="train-anyway-note" className="muted small">
                This is a warning, not an error: the job can run, but the model will likely be of little use.
              </span>
            </div>
          )}
          <div className="row">
            <button type="submit" disabled={!request || submit.isPending || dataProblem !== null}>
              {submit.isPending ? 'Starting…' : 'Start training'}
            </button>
            {quote.data && quote.data.available < quote.data.credits && (
              <Link to="/billing">Buy credits</Link>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function credits(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'credit' : 'credits'}`;
}

/**
 * Which version of the chosen data set to train on, for a data set with several: its ready versions, newest first
 * (the default). A newer version still being read, or one that could not be, is said, not offered.
 */
function VersionField({
  versions, ready, value, onChange, error,
}: {
  versions: DatasetVersion[] | undefined;
  ready: DatasetVersion[];
  value: number | undefined;
  onChange: (version: number) => void;
  error?: string;
}) {
  if (!versions) return <Spinner label="Reading the data set's versions" />;
  const newest = versions[0];
  const unready = newest && newest.status !== 'ready' ? newest : null;
  return (
    <label>
      Version
      <select
        value={value ?? ''}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-label="Version"
        aria-invalid={!!error}
        aria-describedby="version-hint"
      >
        {ready.length === 0 && <option value="">No version is ready</option>}
        {ready.map((v, i) => (
          <option key={v.id} value={v.version}>
            v{v.version}
            {i === 0 ? ' (newest ready)' : ''}
            {v.rows !== null ? `: ${v.rows.toLocaleString()} rows` : ''}, {formatDate(v.createdAt)}
          </option>
        ))}
      </select>
      <span id="version-hint" className="muted small" style={{ fontWeight: 400 }}>
        This data set has {versions.length} versions; the job trains on the one chosen here.
        {unready &&
          (unready.status === 'failed'
            ? ` Version ${unready.version} could not be read.`
            : ` Version ${unready.version} is still being read; it can be chosen once it is ready.`)}
      </span>
      <FieldError message={error} />
    </label>
  );
}

function FieldError({ message }: { message: string | undefined }) {
  return message ? <span className="field-error">{message}</span> : null;
}
