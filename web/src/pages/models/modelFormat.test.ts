import { describe, expect, it } from 'vitest';
import { distinctNames, formatBytes, metricName } from './modelFormat';

describe('metricName', () => {
  it('names known metrics in either spelling and keeps unknown ones as they are', () => {
    expect(metricName('logLoss')).toBe('Log loss');
    expect(metricName('logloss')).toBe('Log loss');
    expect(metricName('r2')).toBe('R²');
    expect(metricName('brier')).toBe('brier');
  });
});

describe('formatBytes (model bundles)', () => {
  it('shows bytes, whole kilobytes, then megabytes with one decimal', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});

describe('distinctNames', () => {
  it('tells models of the same target apart by their short id', () => {
    expect(
      distinctNames([
        { id: '0193a1b2-0000-7000-8000-00000000aaaa', target: 'churn' },
        { id: '0193a1b2-0000-7000-8000-00000000bbbb', target: 'churn' },
      ]),
    ).toEqual(['churn (0000aaaa)', 'churn (0000bbbb)']);
  });
});
