// The live events the dashboard reads (GET /jobs/{id}/events and the events hub's "event" message), typed by the
// records the OpenAPI document describes (EventDataByType).
import type { EventDataByType, EventType, JobEvent, TypedEvent } from './types';

/** trial.completed's data. */
export type TrialEventData = EventDataByType['trial.completed'];

// A record, so the compiler names any event type of the API missing here.
const known: Record<EventType, true> = {
  'job.queued': true,
  'job.started': true,
  'trial.completed': true,
  'job.progress': true,
  'job.succeeded': true,
  'job.failed': true,
  'job.cancelled': true,
  'credits.changed': true,
};

/** The event with its data typed, or null for a type this dashboard does not know (one the API added since). */
export function typed(e: JobEvent): TypedEvent | null {
  return Object.hasOwn(known, e.type) ? (e as TypedEvent) : null;
}
