import { describe, expect, it } from 'vitest';
import type { MonitorWindow } from '../../api/monitoring';
import { alertKindText, distance, latestCounted, levelOf, thresholdOf, thresholdsToSend, toShares, windowLabel } from './monitoringFormat';

const window = (start: string, counts: number[], skipped = false): MonitorWindow => ({
  start,
  end: start,
  rows: counts.reduce((a, b) => a + b, 0),
  version: 1,
  skipped,
  features: [{ feature: 'glucose', counts, skew: skipped ? null : 0.1, drift: null, level: skipped ? 'skipped' : 'ok', missingShare: 0, typeErrorShare: 0 }],
});

describe('monitoring formats', () => {
  it('takes the worse of skew and drift as the distance', () => {
    expect(distance({ skew: 0.1, drift: 0.3 })).toBe(0.3);
    expect(distance({ skew: 0.2, drift: null })).toBe(0.2);
    expect(distance({ skew: null, drift: null })).toBeNull();
    expect(distance(undefined)).toBeNull();
  });

  it('calls every feature of a skipped window skipped', () => {
    expect(levelOf({ skipped: true }, { level: 'alert' })).toBe('skipped');
    expect(levelOf({ skipped: false }, { level: 'warn' })).toBe('warn');
    expect(levelOf({ skipped: false }, undefined)).toBe('skipped');
  });

  it('uses a feature’s own thresholds, else the defaults', () => {
    const m = { warn: 0.1, alert: 0.2, thresholds: { age: { warn: 0.3, alert: 0.4 } } };
    expect(thresholdOf(m, 'age')).toEqual({ warn: 0.3, alert: 0.4 });
    expect(thresholdOf(m, 'glucose')).toEqual({ warn: 0.1, alert: 0.2 });
  });

  it('normalises counts to shares', () => {
    expect(toShares([1, 3])).toEqual([0.25, 0.75]);
    expect(toShares([0, 0])).toEqual([0, 0]);
  });

  it('finds the latest window that counted the feature', () => {
    const windows = [window('2026-12-04T10:00:00Z', [2, 2]), window('2026-12-04T11:00:00Z', [1, 3], true), window('2026-12-04T12:00:00Z', [0, 0])];
    const latest = latestCounted(windows, 'glucose');
    expect(latest?.window.start).toBe('2026-12-04T11:00:00Z');
    expect(latest?.shares).toEqual([0.25, 0.75]);
    expect(latestCounted(windows, 'age')).toBeNull();
  });

  it('labels windows in UTC', () => {
    expect(windowLabel('2026-12-04T09:00:00Z')).toBe('Dec 4 09:00');
  });

  it('sends only the thresholds that were set, filling the other line from the defaults', () => {
    const defaults = { warn: 0.1, alert: 0.2 };
    expect(thresholdsToSend({ age: { warn: '', alert: '' }, glucose: { warn: '0.15', alert: '' } }, defaults)).toEqual({
      thresholds: { glucose: { warn: 0.15, alert: 0.2 } },
    });
    expect(thresholdsToSend({ glucose: { warn: 'x', alert: '0.3' } }, defaults)).toEqual({ error: "The thresholds of 'glucose' are not numbers." });
  });

  it('names the kinds of alert', () => {
    expect(alertKindText('data_quality')).toBe('Data quality');
    expect(alertKindText('drift')).toBe('Drift');
  });
});
