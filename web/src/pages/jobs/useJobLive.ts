import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HubConnection, HubConnectionState } from '@microsoft/signalr';
import { ProblemError } from '../../api/client';
import { meKey } from '../../api/auth';
import { buildEventsHub } from '../../api/eventsHub';
import { fetchJobEvents, type JobEvent } from '../../api/jobs';
import { applyJobEvents, newJobFollow, refreshEndedJob } from '../../api/jobLiveCache';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'ended';

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
  // Another job: start afresh, while rendering (not in the effect) so its page never shows the last job's events.
  const [followed, setFollowed] = useState(jobId);
  if (followed !== jobId) {
    setFollowed(jobId);
    setEvents([]);
    setState('connecting');
  }

  useEffect(() => {
    let disposed = false;
    const follow = newJobFollow(jobId);
    // The server ends this session's streams when it signs out (here or in another tab): no reconnecting then.
    let closedByServer = false;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let connection: HubConnection | undefined;

    const apply = (batch: JobEvent[]) => {
      if (disposed) return;
      const fresh = applyJobEvents(client, follow, batch);
      if (fresh.length === 0) return;
      setEvents((old) => [...old, ...fresh]);
      if (follow.ended) finish();
    };

    const finish = () => {
      clearTimeout(pollTimer);
      setState('ended');
      refreshEndedJob(client, jobId);
      void connection?.stop();
    };

    const connected = () => connection?.state === ('Connected' as HubConnectionState.Connected);

    const poll = async () => {
      if (disposed || follow.ended || connected()) return;
      setState('polling');
      try {
        apply(await fetchJobEvents(jobId, follow.lastSeq));
      } catch {
        // The next poll tries again; the page keeps what it has.
      }
      if (!disposed && !follow.ended && !connected()) pollTimer = setTimeout(poll, pollMs);
    };

    const resume = async (hub: HubConnection) => {
      try {
        // The hub sends what was missed (oldest first) before it answers; repeat while it hit its limit.
        while (!disposed && (await hub.invoke<number>('Resume', follow.lastSeq)) >= 1000);
        if (!disposed && !follow.ended) setState('live');
      } catch {
        if (!disposed && !follow.ended) void poll();
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
      if (disposed || follow.ended) return;
      let hub: HubConnection;
      try {
        hub = await buildEventsHub();
      } catch {
        if (!disposed && !follow.ended) void poll();
        return;
      }
      if (disposed || follow.ended) return;
      connection = hub;
      hub.on('event', (e: JobEvent) => apply([e]));
      hub.on('close', () => {
        closedByServer = true;
        void hub.stop();
        // The session is gone: asking who is signed in sends the page to the sign-in form.
        void client.invalidateQueries({ queryKey: meKey });
      });
      hub.onreconnecting(() => {
        if (!disposed && !follow.ended) {
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
        if (!disposed && !follow.ended && !closedByServer) void poll();
      });
      try {
        await hub.start();
      } catch {
        if (!disposed && !follow.ended) void poll();
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
