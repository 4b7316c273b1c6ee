// The monitoring section's numbers, apart from React and ECharts so they can be tested alone.
import type { FeatureWindow, Monitoring, MonitorWindow, Threshold } from '../../api/monitoring';

export type Level = 'ok' | 'warn' | 'alert' | 'skipped';

/** How far a feature is in a window: the worse of its skew (from training) and drift (from the window before). */
export function distance(f: Pick<FeatureWindow, 'skew' | 'drift'> | undefined): number | null {
  if (!f) return null;
  const values = [f.skew, f.drift].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return values.length === 0 ? null : Math.max(...values);
}

/** A feature's level in a window; a skipped window (under 500 rows) is skipped for every feature. */
export function levelOf(window: Pick<MonitorWindow, 'skipped'>, f: Pick<FeatureWindow, 'level'> | undefined): Level {
  if (window.skipped || !f) return 'skipped';
  return f.level === 'warn' || f.level === 'alert' || f.level === 'ok' ? f.level : 'skipped';
}

/** The warning and alert lines of a feature: its own, or the defaults. */
export function thresholdOf(m: Pick<Monitoring, 'warn' | 'alert' | 'thresholds'>, feature: string): Threshold {
  return m.thresholds[feature] ?? { warn: m.warn, alert: m.alert };
}

/** Counts as shares of their total (all zero when nothing was counted). */
export function toShares(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total > 0 ? c / total : 0));
}

/** A window's feature entry, if the window has one. */
export function featureIn(window: MonitorWindow, feature: string): FeatureWindow | undefined {
  return window.features.find((f) => f.feature === feature);
}

/** The latest window that counted any value of the feature, for its histogram against the baseline. */
export function latestCounted(windows: MonitorWindow[], feature: string): { window: MonitorWindow; shares: number[] } | null {
  for (let i = windows.length - 1; i >= 0; i--) {
    const f = featureIn(windows[i], feature);
    if (f && f.counts.some((c) => c > 0)) return { window: windows[i], shares: toShares(f.counts) };
  }
  return null;
}

/** "Dec 4 14:00" in UTC, as the monitor cuts windows. */
export function windowLabel(iso: string): string {
  const d = new Date(iso);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${month} ${d.getUTCDate()} ${String(d.getUTCHours()).padStart(2, '0')}:00`;
}

/** A share as a percentage with one decimal. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A distance with three decimals, or a dash when the window was not judged. */
export function formatDistance(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(3) : '—';
}

/** What the alert's kind means, in words. */
export function alertKindText(kind: string): string {
  if (kind === 'drift') return 'Drift';
  if (kind === 'data_quality') return 'Data quality';
  return kind;
}

export interface ThresholdDraft {
  warn: string;
  alert: string;
}

/**
 * The thresholds to send from the settings form's fields: a feature with both fields empty keeps the defaults (and
 * is left out); one filled field takes the default for the other. A field that is not a number is answered here,
 * since JSON cannot carry it; the API judges the lines themselves (0 < warn < alert ≤ 1) and the form shows its problem.
 */
export function thresholdsToSend(
  drafts: Record<string, ThresholdDraft>,
  defaults: Threshold,
): { thresholds: Record<string, Threshold> } | { error: string } {
  const thresholds: Record<string, Threshold> = {};
  for (const [feature, draft] of Object.entries(drafts)) {
    const warnText = draft.warn.trim();
    const alertText = draft.alert.trim();
    if (warnText === '' && alertText === '') continue;
    const warn = warnText === '' ? defaults.warn : Number(warnText);
    const alert = alertText === '' ? defaults.alert : Number(alertText);
    if (!Number.isFinite(warn) || !Number.isFinite(alert)) return { error: `The thresholds of '${feature}' are not numbers.` };
    thresholds[feature] = { warn, alert };
  }
  return { thresholds };
}
