import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HubConnection } from '@microsoft/signalr';
import { meKey } from './auth';
import { creditsKey } from './credits';
import { buildEventsHub } from './eventsHub';
import type { JobEvent } from './types';

/**
 * Keeps the balance (and whatever else lives under the credits key) and the tier fresh while a page is open: each
 * credits.changed event from the events hub refetches them. Only live events matter here, so no Resume: what
 * happened before the page opened is already in what it fetched, and a reconnect refetches once.
 */
export function useCreditsLive() {
  const client = useQueryClient();
  useEffect(() => {
    let disposed = false;
    let connection: HubConnection | undefined;
    const refresh = () => refreshCredits(client);
    void (async () => {
      let hub: HubConnection;
      try {
        hub = await buildEventsHub();
        if (disposed) return;
      } catch {
        return; // the pages poll what they wait for
      }
      connection = hub;
      hub.on('event', (e: Pick<JobEvent, 'type'>) => applyCreditsEvent(client, e));
      // The server ends the stream when the session signs out; the next request sends the page to sign in.
      hub.on('close', () => void hub.stop());
      hub.onreconnected(refresh);
      try {
        await hub.start();
      } catch {
        return;
      }
      if (disposed) void hub.stop();
    })();
    return () => {
      disposed = true;
      void connection?.stop();
    };
  }, [client]);
}

/** The balance, the tier and the storage quota, refetched by whoever shows them. */
export function refreshCredits(client: QueryClient) {
  void client.invalidateQueries({ queryKey: creditsKey });
  // A Pro subscription starting or ending changes the tier, and with it the storage quota.
  void client.invalidateQueries({ queryKey: meKey });
  void client.invalidateQueries({ queryKey: ['datasets', 'usage'] });
}

/** An event of the hub: only credits.changed concerns the balance. */
export function applyCreditsEvent(client: QueryClient, e: Pick<JobEvent, 'type'>) {
  if (e.type === 'credits.changed') refreshCredits(client);
}
