import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HubConnection } from '@microsoft/signalr';
import { ProblemError } from '../../api/client';
import { meKey } from '../../api/auth';
import { buildEventsHub } from '../../api/eventsHub';
import { fetchJobEvents, jobKey, trialsKey, type JobEvent, type TrialEventData } from '../../api/jobs';
import type { Job, Trial } from '../../api/types';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'ended';

const terminal = new Set(['job.succeeded', 'job.failed', 'job.cancelled']);
const pollMs = 2000;

/**
 * Follows one job: first its stored events, then the events hub (WebSockets, automatic reconnect, and
 * Resume(lastSeq) after every (re)connect so nothing is missed; the hub's sequence is per account, so other
 * jobs' events are filtered out). While the hub is unreachable it polls GET /jobs/{id}/events?after=SEQ.
 * Each event also updates the TanStack Query caches of the job and its trials.
 */
export function useJobLive(jobId: string): { events: JobEvent[]; state: LiveState } {
  const client = useQueryClient();
  const [events, setEvents] = useState<JobEvent[]>([]);
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    let disposed = false;
    let lastSeq = 0;
    let ended = false;
    // The server ends this session's streams when it signs out (here or in another tab): no reconnecting then.
    let closedByServer = false;
    const seen = new Set<number>();
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let connection: HubConnection | undefined;
    setEvents([]);
    setState('connecting');

    const apply = (batch: JobEvent[]) => {
      const fresh = batch.filter((e) => e.jobId === jobId && !seen.has(e.seq)).sort((a, b) => a.seq - b.seq);
      for (const e of batch) {
        if (e.type === 'credits.changed' && !seen.has(e.seq)) void client.invalidateQueries({ queryKey: ['credits'] });
      }
      if (fresh.length === 0 || disposed) return;
      for (const e of fresh) {
        seen.add(e.seq);
        lastSeq = Math.max(lastSeq, e.seq);
        updateCaches(client, jobId, e);
        if (terminal.has(e.type)) ended = true;
      }
      setEvents((old) => [...old, ...fresh]);
      if (ended) finish();
    };

    const finish = () => {
      clearTimeout(pollTimer);
      setState('ended');
      // The stored job and trials are the truth once it ended, also for any event the hub never delivered.
      void client.invalidateQueries({ queryKey: jobKey(jobId) });
      void client.invalidateQueries({ queryKey: ['jobs', 'list'] });
      void client.invalidateQueries({ queryKey: ['credits'] });
      void connection?.stop();
    };

    const connected = () => connection?.state === 'Connected';

    const poll = async () => {
      if (disposed || ended || connected()) return;
      setState('polling');
      try {
        apply(await fetchJobEvents(jobId, lastSeq));
      } catch {
        // The next poll tries again; the page keeps what it has.
      }
      if (!disposed && !ended && !connected()) pollTimer = setTimeout(poll, pollMs);
    };

    const resume = async (hub: HubConnection) => {
      try {
        // The hub sends what was missed (oldest first) before it answers; repeat while it hit its limit.
        while (!disposed && (await hub.invoke<number>('Resume', lastSeq)) >= 1000);
        if (!disposed && !ended) setState('live');
      } catch {
        if (!disposed && !ended) void poll();
      }
    };

    void (async () => {
      try {
        apply(await fetchJobEvents(jobId, 0));
      } catch (e) {
        // The job query shows the problem; a job that is not there (404) has nothing to follow.
        if (e instanceof ProblemError && e.status === 404) {
          setState('ended');
          return;
        }
      }
      if (disposed || ended) return;
      let hub: HubConnection;
      try {
        hub = await buildEventsHub();
      } catch {
        if (!disposed && !ended) void poll();
        return;
      }
      if (disposed || ended) return;
      connection = hub;
      hub.on('event', (e: JobEvent) => apply([e]));
      hub.on('close', () => {
        closedByServer = true;
        void hub.stop();
        // The session is gone: asking who is signed in sends the page to the sign-in form.
        void client.invalidateQueries({ queryKey: meKey });
      });
      hub.onreconnecting(() => {
        if (!disposed && !ended) {
          setState('reconnecting');
          clearTimeout(pollTimer);
          pollTimer = setTimeout(poll, pollMs);
        }
      });
      hub.onreconnected(() => {
        clearTimeout(pollTimer);
        void resume(hub);
      });
      hub.onclose(() => {
        if (!disposed && !ended && !closedByServer) void poll();
      });
      try {
        await hub.start();
      } catch {
        if (!disposed && !ended) void poll();
        return;
      }
      if (disposed) {
        void hub.stop();
        return;
      }
      await resume(hub);
    })();

    return () => {
      disposed = true;
      clearTimeout(pollTimer);
      void connection?.stop();
    };
  }, [client, jobId]);

  return { events, state };
}

function updateCaches(client: QueryClient, jobId: string, e: JobEvent) {
  const patchJob = (patch: (job: Job) => Partial<Job>) =>
    client.setQueryData<Job>(jobKey(jobId), (job) => (job ? { ...job, ...patch(job) } : job));
  const d = e.data;
  switch (e.type) {
    case 'job.started':
      patchJob((job) => ({ status: 'running', startedAt: job.startedAt ?? e.at }));
      break;
    case 'trial.completed': {
      const t = d as unknown as TrialEventData;
      client.setQueryData<Trial[]>(trialsKey(jobId), (trials) =>
        trials === undefined || trials.some((x) => x.n === t.n)
          ? trials
          : [...trials, { n: t.n, learner: t.learner, params: t.params, score: t.score, seconds: t.seconds }],
      );
      patchJob((job) => ({ status: job.status === 'queued' ? 'running' : job.status, trials: Math.max(job.trials, t.n), bestScore: t.bestScore }));
      break;
    }
    case 'job.progress':
      patchJob((job) => ({
        progress: Math.max(job.progress, Number(d.progress ?? 0)),
        etaSeconds: (d.etaSeconds as number | undefined) ?? job.etaSeconds,
        bestScore: (d.bestScore as number | undefined) ?? job.bestScore,
        trials: Math.max(job.trials, Number(d.trials ?? 0)),
      }));
      break;
    case 'job.succeeded':
      patchJob((job) => ({
        status: 'succeeded',
        progress: 1,
        etaSeconds: 0,
        modelId: (d.modelId as string | undefined) ?? job.modelId,
        bestScore: (d.score as number | undefined) ?? job.bestScore,
        metric: (d.metric as string | undefined) ?? job.metric,
        chargedCredits: (d.chargedCredits as number | undefined) ?? job.chargedCredits,
        finishedAt: e.at,
      }));
      break;
    case 'job.failed':
      patchJob(() => ({ status: 'failed', error: (d.error as string | undefined) ?? 'The job failed.', finishedAt: e.at }));
      break;
    case 'job.cancelled':
      patchJob(() => ({ status: 'cancelled', finishedAt: e.at }));
      break;
  }
}
