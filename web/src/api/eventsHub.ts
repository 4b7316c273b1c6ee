import type { HubConnection, ILogger, LogLevel } from '@microsoft/signalr';

// LogLevel.Warning by value (only its type is imported): the SignalR client itself loads lazily, after the page has shown.
const warningLevel = 3 as LogLevel.Warning;

/** SignalR's own errors (a dropped socket) are handled by reconnecting or polling, so they are warnings. */
const logger: ILogger = {
  log(level, message) {
    if (level >= warningLevel) console.warn(`[events] ${message}`);
  },
};

/** Keeps reconnecting: quickly at first, then every 10 s, for as long as the page is open. */
const retryPolicy = { nextRetryDelayInMilliseconds: (ctx: { previousRetryCount: number }) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) };

/** A connection to the events hub (WebSockets, automatic reconnect), not started; loads the SignalR client on first use. */
export async function buildEventsHub(): Promise<HubConnection> {
  const signalr = await import('@microsoft/signalr');
  return new signalr.HubConnectionBuilder()
    .withUrl('/hubs/events', { transport: signalr.HttpTransportType.WebSockets, skipNegotiation: true })
    .withAutomaticReconnect(retryPolicy)
    .configureLogging(logger)
    .build();
}
