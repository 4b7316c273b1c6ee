// What the registry pages derive from the API's answers.
import type { Challenger } from '../../api/types';

const aliasOrder = ['production', 'staging'];

/** Aliases in the order people look for them: production, staging, the rest by name, previous last. */
export function sortAliases<T extends string>(aliases: T[]): T[] {
  const rank = (a: string) => (a === 'previous' ? 1000 : aliasOrder.includes(a) ? aliasOrder.indexOf(a) : 10);
  return [...aliases].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The version a rollback moves production back to: previous, when it names another version than production and holds
 * what production named before its own last move. The platform sets previous on a move of any alias, so after a move
 * of staging it names staging's old version, and production has nothing to roll back to.
 */
export function rollbackVersion(aliases: Record<string, number>, lastProductionMove: { fromVersion: number | null } | undefined): number | null {
  const previous = aliases.previous;
  if (previous === undefined || previous === aliases.production) return null;
  return lastProductionMove?.fromVersion === previous ? previous : null;
}

/** A version's score by version number, oldest first, for the chart and the table behind it. */
export function scoresByVersion<V extends { version: number; score: number }>(versions: V[]): { version: number; score: number }[] {
  return [...versions].sort((a, b) => a.version - b.version).map((v) => ({ version: v.version, score: v.score }));
}

/** Requests per version as shares of all of them, by version number. */
export function versionShares(counts: Record<string, number>): { version: number; requests: number; percent: number }[] {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return Object.entries(counts)
    .map(([version, requests]) => ({ version: Number(version), requests, percent: total === 0 ? 0 : (100 * requests) / total }))
    .sort((a, b) => a.version - b.version);
}

/** "staging answers 10% of requests" or "staging scores every request unseen (shadow)". */
export function describeChallenger(challenger: Challenger | null): string {
  if (!challenger?.alias) return 'none';
  return challenger.mode === 'shadow'
    ? `${challenger.alias} scores every request unseen (shadow)`
    : `${challenger.alias} answers ${challenger.percent ?? 0}% of requests`;
}

/** An hour of endpoint traffic; a quiet hour has no requests and no latency. */
export interface HourTraffic {
  hour: string;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

/**
 * The API lists only hours with traffic: every hour of the window, oldest first, with the quiet ones filled in,
 * so the charts' time axis is even. `now` is any instant in the last hour.
 */
export function everyHour(hours: { hour: string; requests: number; p50Ms: number; p95Ms: number }[], now: Date, count = 24): HourTraffic[] {
  const byHour = new Map(hours.map((h) => [Math.floor(Date.parse(h.hour) / 3_600_000), h]));
  const last = Math.floor(now.getTime() / 3_600_000);
  const first = Math.min(last - count + 1, ...byHour.keys());
  const filled: HourTraffic[] = [];
  for (let h = first; h <= last; h++) {
    const seen = byHour.get(h);
    filled.push(seen ?? { hour: new Date(h * 3_600_000).toISOString(), requests: 0, p50Ms: null, p95Ms: null });
  }
  return filled;
}
