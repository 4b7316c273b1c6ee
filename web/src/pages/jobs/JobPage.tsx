import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { prefetchModel } from '../../api/models';
import { useDataset } from '../../api/datasets';
import { isEnded, isHigherBetter, useCancelJob, useJob, useTrials } from '../../api/jobs';
import type { TrialEventData } from '../../api/liveEvents';
import type { Job, Trial } from '../../api/types';
import ConfirmButton from '../../components/ConfirmButton';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import ProgressBar from '../../components/ProgressBar';
import Spinner from '../../components/Spinner';
import type { ScorePoint } from '../../components/charts/jobCharts';
import { describeParams, formatScore, formatSeconds, formatWhen, shortId } from './jobFormat';
import { useJobLive, type LiveState } from './useJobLive';
import JobRegistration from './JobRegistration';
import './jobs.css';

const BestScoreChart = lazy(() => import('./BestScoreChart'));
const chartFallback = <div className="chart" style={{ height: 260 }} />;

const liveLabels: Record<LiveState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  polling: 'Live updates unavailable: checking every 2 s',
  ended: 'Finished',
};

export default function JobPage() {
  const { id = '' } = useParams();
  const job = useJob(id);
  const trials = useTrials(id);
  const live = useJobLive(id);
  const cancel = useCancelJob(id);

  const trialEvents = useMemo(
    () => live.events.filter((e) => e.type === 'trial.completed').map((e) => e.data as TrialEventData),
    [live.events],
  );
  const j = job.data;
  const client = useQueryClient();
  const readyModel = j?.status === 'succeeded' && j.kind === 'train' ? j.modelId : null;
  useEffect(() => {
    // Fetch the model page's code and data while the user reads the result, so "Open the model" is instant.
    if (!readyModel) return;
    void import('../models/ModelPage');
    void prefetchModel(client, readyModel);
  }, [readyModel, client]);

  // The heading needs only the id, so the page shows at once and fills in as the job arrives.
  const title = !j ? 'Job' : j.kind === 'predict' ? 'Batch prediction' : j.kind === 'evaluate' ? 'Evaluation' : 'Training job';
  const heading = (
    <PageHeading title={`${title} ${shortId(id)}`}>
      {title} <span className="mono muted">{shortId(id)}</span>
    </PageHeading>
  );
  if (job.isPending || job.error || !j) {
    return (
      <section>
        <div className="page-head">{heading}</div>
        {job.isPending ? <Spinner label="Loading the job" /> : <ProblemAlert error={job.error} />}
      </section>
    );
  }

  const ended = isEnded(j.status);
  return (
    <section>
      <div className="page-head">
        {heading}
        <div className="job-actions">
          <span className={`chip ${j.status}`} aria-label={`Status: ${j.status}`}>
            {j.status}
          </span>
          {!ended && <span className={`live ${live.state === 'live' ? 'live-on' : 'live-warn'}`}>{liveLabels[live.state]}</span>}
          {!ended && (
            <ConfirmButton
              label="Cancel job"
              dialogLabel="Cancel this job?"
              question="Stop this job? A running search stops within 2 s and you pay only for the time it used; the best model so far is not kept."
              cancelLabel="Keep it running"
              confirmLabel="Stop the job"
              disabled={cancel.isPending}
              onConfirm={() => cancel.mutate()}
            />
          )}
        </div>
      </div>
      <ProblemAlert error={cancel.error} />

      <div className="card">
        <ProgressBar value={j.status === 'queued' ? 0 : j.progress} label={progressLabel(j)} />
        {j.status === 'running' && <Eta job={j} />}
        {j.status === 'failed' && (
          <div className="alert" role="alert">
            <strong>The job failed</strong>
            <p>{j.error ?? 'No reason was recorded.'} Its held credits were refunded.</p>
          </div>
        )}
        {j.status === 'succeeded' && j.kind === 'train' && j.modelId && (
          <div className="notice row">
            <span>
              Training finished: best {j.metric ?? 'score'} {formatScore(j.bestScore)} after {j.trials} trials.
            </span>
            <div className="row">
              <Link className="button" to={`/models/${j.modelId}`}>
                Open the model
              </Link>
              <Link className="button secondary" to={`/workflows/new?job=${j.id}`} title="Create a workflow that retrains this model on new data or a schedule">
                Retrain automatically
              </Link>
            </div>
          </div>
        )}
        {j.kind === 'train' && <JobRegistration job={j} />}
        {j.status === 'succeeded' && j.kind === 'predict' && (
          <div className="notice row">
            <span>The predictions are ready.</span>
            <a className="button" href={`/api/v1/models/predictions/${j.id}/result`} download>
              Download predictions CSV
            </a>
          </div>
        )}
      </div>

      <dl className="facts">
        <Fact label="Data set">
          <DatasetLink id={j.datasetId} />
        </Fact>
        {j.kind === 'train' && <Fact label="Target">{j.target ?? '—'}</Fact>}
        {j.kind === 'train' && <Fact label="Task">{j.task ?? 'inferred'}</Fact>}
        {j.kind === 'train' && <Fact label="Metric">{j.metric ?? 'default'}</Fact>}
        {j.kind === 'train' && <Fact label="Budget">{formatSeconds(j.budgetSeconds)}</Fact>}
        {j.kind === 'train' && (j.excludedColumns?.length ?? 0) > 0 && (
          <Fact label="Left out">
            {j.excludedColumns!.join(', ')}
            {(j.excludedByChecks?.length ?? 0) > 0 && (
              <span className="muted small"> (by the data checks: {j.excludedByChecks!.join(', ')})</span>
            )}
          </Fact>
        )}
        {j.kind === 'train' && <Fact label="Best score">{formatScore(j.bestScore)}</Fact>}
        <Fact label={ended ? 'Charged' : 'Held'}>{creditCount(ended ? j.chargedCredits : j.heldCredits)}</Fact>
        <Fact label="Created">{formatWhen(j.createdAt)}</Fact>
        {j.finishedAt && <Fact label="Finished">{formatWhen(j.finishedAt)}</Fact>}
        {(j.kind === 'predict' || j.kind === 'evaluate') && j.modelId && (
          <Fact label="Model">
            <Link to={`/models/${j.modelId}`}>{shortId(j.modelId)}</Link>
          </Fact>
        )}
      </dl>

      {j.kind === 'train' && <Leaderboard job={j} trials={trials.data} trialEvents={trialEvents} error={trials.error} />}
    </section>
  );
}

function creditCount(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'credit' : 'credits'}`;
}

function progressLabel(job: Job): string {
  switch (job.status) {
    case 'queued':
      return `Queued (${job.queue} priority)`;
    case 'running':
      return 'Searching';
    case 'succeeded':
      return 'Done';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** Counts down between the worker's updates, which come as trials end: each new estimate starts a new countdown. */
function Eta({ job }: { job: Job }) {
  if (job.etaSeconds === null) return null;
  return <Countdown key={job.etaSeconds} seconds={job.etaSeconds} />;
}

function Countdown({ seconds }: { seconds: number }) {
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, seconds - (now - start) / 1000);
  return <p className="eta">About {formatSeconds(Math.ceil(left))} left</p>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Leaderboard({
  job,
  trials,
  trialEvents,
  error,
}: {
  job: Job;
  trials: Trial[] | undefined;
  trialEvents: TrialEventData[];
  error: unknown;
}) {
  // The stored trials and the live ones, once each: the list answer may predate events already shown.
  const merged = useMemo(() => {
    const byN = new Map<number, Trial>();
    for (const t of trials ?? []) byN.set(t.n, t);
    for (const t of trialEvents) if (!byN.has(t.n)) byN.set(t.n, { n: t.n, learner: t.learner, params: t.params, score: t.score, seconds: t.seconds });
    return [...byN.values()];
  }, [trials, trialEvents]);

  const lastEvent = trialEvents.length > 0 ? trialEvents.reduce((a, b) => (b.n > a.n ? b : a)) : undefined;
  const higher = useMemo(() => {
    const known = isHigherBetter(job.metric);
    if (known !== null) return known;
    // The metric is inferred by the engine: the best trial it reported tells the direction.
    const best = lastEvent && merged.find((t) => t.n === lastEvent.bestTrial);
    if (!best) return true;
    return !merged.some((t) => Number.isFinite(t.score) && t.score > best.score);
  }, [job.metric, lastEvent, merged]);

  const sorted = useMemo(
    () =>
      [...merged].sort((a, b) => {
        const fa = Number.isFinite(a.score);
        const fb = Number.isFinite(b.score);
        if (fa !== fb) return fa ? -1 : 1;
        return higher ? b.score - a.score : a.score - b.score;
      }),
    [merged, higher],
  );
  const bestN = sorted.length > 0 && Number.isFinite(sorted[0].score) ? sorted[0].n : undefined;

  const points: ScorePoint[] = useMemo(
    () => trialEvents.map((t) => ({ elapsedSeconds: t.elapsedSeconds, score: t.score, bestScore: t.bestScore, trial: t.n })),
    [trialEvents],
  );

  return (
    <>
      <h2>Best score over time</h2>
      {points.length > 0 ? (
        <div className="card">
          <Suspense fallback={chartFallback}>
            <BestScoreChart points={points} metric={job.metric ?? 'score'} />
          </Suspense>
        </div>
      ) : (
        <p className="muted">The chart fills in as trials end.</p>
      )}

      <h2>
        Leaderboard <span className="muted small">({merged.length} trials, {higher ? 'higher' : 'lower'} is better)</span>
      </h2>
      <ProblemAlert error={error} />
      {sorted.length === 0 ? (
        <p className="muted">{isEnded(job.status) ? 'No trials were recorded.' : 'Trials appear here as they end.'}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th className="num">Rank</th>
                <th className="num">Trial</th>
                <th>Learner</th>
                <th className="num">{job.metric ?? 'Score'}</th>
                <th className="num">Time</th>
                <th className="hide-phone">Parameters</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((t, i) => (
                <tr key={t.n} data-testid="trial-row" className={t.n === bestN ? 'best' : undefined} aria-current={t.n === bestN ? 'true' : undefined}>
                  <td className="num">{i + 1}</td>
                  <td className="num">{t.n}</td>
                  <td>
                    {t.learner}
                    {t.n === bestN && <span className="badge">best</span>}
                  </td>
                  <td className="num">{formatScore(t.score)}</td>
                  <td className="num">{formatSeconds(t.seconds)}</td>
                  <td className="hide-phone params" title={describeParams(t.params)}>
                    {describeParams(t.params)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The data set's name once it has loaded (its short id until then, or when it was deleted). */
function DatasetLink({ id }: { id: string }) {
  const dataset = useDataset(id);
  return <Link to={`/datasets/${id}`}>{dataset.data?.name ?? shortId(id)}</Link>;
}
