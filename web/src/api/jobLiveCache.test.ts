import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyJobEvents, newJobFollow } from './jobLiveCache';
import { jobKey, trialsKey } from './jobs';
import type { Job, JobEvent, Trial } from './types';

const jobId = '0193a1b2-0000-7000-8000-000000000001';
const otherJob = '0193a1b2-0000-7000-8000-000000000002';

function queuedJob(): Job {
  return {
    id: jobId,
    kind: 'train',
    status: 'queued',
    queue: 'free',
    progress: 0,
    etaSeconds: null,
    datasetId: '0193a1b2-0000-7000-8000-00000000000d',
    target: 'churn',
    task: 'binary',
    metric: null,
    budgetSeconds: 60,
    bestScore: null,
    trials: 0,
    modelId: null,
    error: null,
    heldCredits: 10,
    chargedCredits: 0,
    createdAt: '2026-12-03T22:00:00Z',
    startedAt: null,
    finishedAt: null,
  };
}

const event = (seq: number, type: string, data: Record<string, unknown> = {}, job: string | null = jobId): JobEvent => ({
  seq,
  type,
  jobId: job,
  data,
  at: `2026-12-03T22:00:${String(seq).padStart(2, '0')}Z`,
});

const trial = (seq: number, n: number, score: number, bestScore = score) =>
  event(seq, 'trial.completed', { n, learner: 'lightgbm', params: { leaves: n }, score, seconds: 1.5, elapsedSeconds: n * 2, bestScore, bestTrial: n });

function setUp() {
  const client = new QueryClient();
  client.setQueryData(jobKey(jobId), queuedJob());
  client.setQueryData<Trial[]>(trialsKey(jobId), []);
  client.setQueryData(['credits'], { balance: 100 });
  return { client, follow: newJobFollow(jobId), job: () => client.getQueryData<Job>(jobKey(jobId))!, trials: () => client.getQueryData<Trial[]>(trialsKey(jobId))! };
}

describe('applyJobEvents', () => {
  it('takes a job from queued through its trials to succeeded, as the job page shows it', () => {
    const { client, follow, job, trials } = setUp();

    applyJobEvents(client, follow, [event(1, 'job.started')]);
    expect(job().status).toBe('running');
    expect(job().startedAt).toBe('2026-12-03T22:00:01Z');

    applyJobEvents(client, follow, [trial(2, 1, 0.81), trial(3, 2, 0.86)]);
    applyJobEvents(client, follow, [event(4, 'job.progress', { progress: 0.5, etaSeconds: 30, bestScore: 0.86, trials: 2 })]);
    expect(trials().map((t) => [t.n, t.score])).toEqual([[1, 0.81], [2, 0.86]]);
    expect(job()).toMatchObject({ trials: 2, bestScore: 0.86, progress: 0.5, etaSeconds: 30 });

    const fresh = applyJobEvents(client, follow, [
      event(5, 'job.succeeded', { modelId: '0193a1b2-0000-7000-8000-0000000000ff', score: 0.87, metric: 'auc', chargedCredits: 7 }),
    ]);
    expect(fresh.map((e) => e.seq)).toEqual([5]);
    expect(follow.ended).toBe(true);
    expect(job()).toMatchObject({
      status: 'succeeded',
      progress: 1,
      etaSeconds: 0,
      bestScore: 0.87,
      metric: 'auc',
      chargedCredits: 7,
      modelId: '0193a1b2-0000-7000-8000-0000000000ff',
      finishedAt: '2026-12-03T22:00:05Z',
    });
  });

  it('applies an event delivered twice (stored, polled and live overlap) once', () => {
    const { client, follow, trials } = setUp();

    expect(applyJobEvents(client, follow, [trial(2, 1, 0.8)]).length).toBe(1);
    expect(applyJobEvents(client, follow, [trial(2, 1, 0.8), trial(2, 1, 0.8)])).toEqual([]);
    // The same trial under another sequence number (a resent event) still lists the trial once.
    applyJobEvents(client, follow, [trial(7, 1, 0.8)]);

    expect(trials().map((t) => t.n)).toEqual([1]);
    expect(follow.lastSeq).toBe(7);
  });

  it('applies a batch in sequence order whatever order it arrived in', () => {
    const { client, follow, job, trials } = setUp();

    const fresh = applyJobEvents(client, follow, [trial(4, 2, 0.9), event(1, 'job.started'), trial(3, 1, 0.7, 0.7)]);

    expect(fresh.map((e) => e.seq)).toEqual([1, 3, 4]);
    expect(trials().map((t) => t.n)).toEqual([1, 2]);
    expect(job()).toMatchObject({ status: 'running', trials: 2, bestScore: 0.9 });
  });

  it('never moves progress or the trial count back when an older update arrives late', () => {
    const { client, follow, job } = setUp();

    applyJobEvents(client, follow, [event(5, 'job.progress', { progress: 0.6, trials: 4 })]);
    applyJobEvents(client, follow, [event(3, 'job.progress', { progress: 0.2, trials: 1 })]);

    expect(job()).toMatchObject({ progress: 0.6, trials: 4 });
  });

  it('keeps a finished job finished when its start or a progress update is read after the end', () => {
    const { client, follow, job } = setUp();

    applyJobEvents(client, follow, [event(9, 'job.failed', { error: 'The data set has no rows.' })]);
    applyJobEvents(client, follow, [event(1, 'job.started'), event(4, 'job.progress', { progress: 0.4, etaSeconds: 50 })]);

    expect(job()).toMatchObject({ status: 'failed', error: 'The data set has no rows.', finishedAt: '2026-12-03T22:00:09Z', etaSeconds: null });
  });

  it('shows a generic reason when a failure gives none, and a cancel as cancelled', () => {
    const failed = setUp();
    applyJobEvents(failed.client, failed.follow, [event(2, 'job.failed')]);
    expect(failed.job()).toMatchObject({ status: 'failed', error: 'The job failed.' });

    const cancelled = setUp();
    applyJobEvents(cancelled.client, cancelled.follow, [event(2, 'job.cancelled')]);
    expect(cancelled.job()).toMatchObject({ status: 'cancelled', finishedAt: '2026-12-03T22:00:02Z' });
    expect(cancelled.follow.ended).toBe(true);
  });

  it("ignores other jobs' events but refreshes the balance on anyone's credits.changed, once per event", () => {
    const { client, follow, job, trials } = setUp();

    const fresh = applyJobEvents(client, follow, [{ ...trial(2, 1, 0.5), jobId: otherJob }, event(3, 'job.succeeded', {}, otherJob)]);
    expect(fresh).toEqual([]);
    expect(job().status).toBe('queued');
    expect(trials()).toEqual([]);
    expect(client.getQueryState(['credits'])?.isInvalidated).toBe(false);

    applyJobEvents(client, follow, [event(4, 'credits.changed', { balance: 90 }, null)]);
    expect(client.getQueryState(['credits'])?.isInvalidated).toBe(true);
  });

  it('leaves the trials alone until the page has loaded them', () => {
    const client = new QueryClient();
    client.setQueryData(jobKey(jobId), queuedJob());

    applyJobEvents(client, newJobFollow(jobId), [trial(1, 1, 0.5)]);

    expect(client.getQueryData(trialsKey(jobId))).toBeUndefined();
    expect(client.getQueryData<Job>(jobKey(jobId))).toMatchObject({ status: 'running', trials: 1, bestScore: 0.5 });
  });

  it('records an event type it does not know (one the API added since) without changing the job', () => {
    const { client, follow, job } = setUp();

    const fresh = applyJobEvents(client, follow, [event(3, 'job.paused', { reason: 'maintenance' })]);

    expect(fresh.map((e) => e.type)).toEqual(['job.paused']);
    expect(job()).toEqual(queuedJob());
  });
});
