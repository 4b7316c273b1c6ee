import type { QueryClient } from '@tanstack/react-query';
import { creditsKey } from './credits';
import { jobKey, jobsKey, trialsKey } from './jobs';
import { typed } from './liveEvents';
import type { Job, JobEvent, Trial } from './types';

/** The events after which a job changes no more. */
export const terminalEvents: ReadonlySet<string> = new Set(['job.succeeded', 'job.failed', 'job.cancelled']);

/** What one job's followed events are so far: every sequence number applied, the highest, and whether it ended. */
export interface JobFollow {
  readonly jobId: string;
  readonly seen: Set<number>;
  lastSeq: number;
  ended: boolean;
}

export function newJobFollow(jobId: string): JobFollow {
  return { jobId, seen: new Set(), lastSeq: 0, ended: false };
}

/**
 * Applies a batch of events (stored, polled or live: they overlap, and a batch may be out of order) to the caches
 * of the followed job and its trials. The hub's sequence is per account, so other jobs' events only refresh the
 * balance when they are credits.changed. Answers the events new to this job, oldest first.
 */
export function applyJobEvents(client: QueryClient, follow: JobFollow, batch: readonly JobEvent[]): JobEvent[] {
  for (const e of batch) {
    if (e.type === 'credits.changed' && !follow.seen.has(e.seq)) void client.invalidateQueries({ queryKey: creditsKey });
  }
  const fresh = batch
    .filter((e, i) => e.jobId === follow.jobId && !follow.seen.has(e.seq) && batch.findIndex((o) => o.seq === e.seq) === i)
    .sort((a, b) => a.seq - b.seq);
  for (const e of fresh) {
    follow.seen.add(e.seq);
    follow.lastSeq = Math.max(follow.lastSeq, e.seq);
    updateJobCaches(client, follow.jobId, e);
    if (terminalEvents.has(e.type)) follow.ended = true;
  }
  return fresh;
}

/** Once the job ended, the stored job, the job list and the balance are the truth (also for any event never delivered). */
export function refreshEndedJob(client: QueryClient, jobId: string) {
  void client.invalidateQueries({ queryKey: jobKey(jobId) });
  void client.invalidateQueries({ queryKey: [...jobsKey, 'list'] });
  void client.invalidateQueries({ queryKey: creditsKey });
}

const ended = (status: Job['status']) => status === 'succeeded' || status === 'failed' || status === 'cancelled';

/** One event's effect on the cached job and trials; nothing is fetched. */
export function updateJobCaches(client: QueryClient, jobId: string, e: JobEvent) {
  const patchJob = (patch: (job: Job) => Partial<Job>) =>
    client.setQueryData<Job>(jobKey(jobId), (job) => (job ? { ...job, ...patch(job) } : job));
  const t = typed(e);
  // Events stored before a field existed lack it: every field falls back to what the job already shows.
  switch (t?.type) {
    case 'job.started':
      // A start read late (a poll answered after the live end) must not bring a finished job back to life.
      patchJob((job) => (ended(job.status) ? {} : { status: 'running', startedAt: job.startedAt ?? t.at }));
      break;
    case 'trial.completed': {
      const trial = t.data;
      client.setQueryData<Trial[]>(trialsKey(jobId), (trials) =>
        trials === undefined || trials.some((x) => x.n === trial.n)
          ? trials
          : [...trials, { n: trial.n, learner: trial.learner, params: trial.params, score: trial.score, seconds: trial.seconds }],
      );
      patchJob((job) => ({
        status: job.status === 'queued' ? 'running' : job.status,
        trials: Math.max(job.trials, trial.n),
        bestScore: trial.bestScore,
      }));
      break;
    }
    case 'job.progress':
      patchJob((job) => (ended(job.status) ? {} : {
        progress: Math.max(job.progress, Number(t.data.progress ?? 0)),
        etaSeconds: t.data.etaSeconds ?? job.etaSeconds,
        bestScore: t.data.bestScore ?? job.bestScore,
        trials: Math.max(job.trials, Number(t.data.trials ?? 0)),
      }));
      break;
    case 'job.succeeded':
      patchJob((job) => ({
        status: 'succeeded',
        progress: 1,
        etaSeconds: 0,
        modelId: t.data.modelId ?? job.modelId,
        bestScore: t.data.score ?? job.bestScore,
        metric: t.data.metric ?? job.metric,
        chargedCredits: t.data.chargedCredits ?? job.chargedCredits,
        finishedAt: t.at,
      }));
      break;
    case 'job.failed':
      patchJob(() => ({ status: 'failed', error: t.data.error ?? 'The job failed.', finishedAt: t.at }));
      break;
    case 'job.cancelled':
      patchJob(() => ({ status: 'cancelled', finishedAt: t.at }));
      break;
  }
}
