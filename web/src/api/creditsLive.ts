import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HubConnection } from '@microsoft/signalr';
import { meKey } from './auth';
import { creditsKey } from './credits';
import { buildEventsHub } from './eventsHub';

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
    const refresh = () => {
      void client.invalidateQueries({ queryKey: creditsKey });
      // A Pro subscription starting or ending changes the tier, and with it the storage quota.
      void client.invalidateQueries({ queryKey: meKey });
      void client.invalidateQueries({ queryKey: ['datasets', 'usage'] });
    };
    void (async () => {
      let hub: HubConnection;
      try {
        hub = await buildEventsHub();
        if (disposed) return;
      } catch {
        return; // the pages poll what they wait for
      }
      connection = hub;
      hub.on('event', (e: { type: string }) => {
        if (e.type === 'credits.changed') refresh();
      });
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
