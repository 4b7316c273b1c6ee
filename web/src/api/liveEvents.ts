// The data of the live events the dashboard reads (GET /jobs/{id}/events and the events hub's "event" message).
// The envelope (JobEvent) is generated; the payloads of each event type are typed here until the API describes them.

/** trial.completed's data. */
export interface TrialEventData {
  n: number;
  learner: string;
  params: Record<string, unknown>;
  score: number;
  seconds: number;
  elapsedSeconds: number;
  bestScore: number;
  bestTrial: number;
}
