import { describe, expect, it } from 'vitest';
import { describeParams, formatScore, formatSeconds, formatWhen, shortId } from './jobFormat';

describe('formatScore', () => {
  it('keeps four significant digits of a small score', () => {
    expect(formatScore(0.876543)).toBe('0.8765');
    expect(formatScore(12.34567)).toBe('12.35');
    expect(formatScore(0.5)).toBe('0.5');
  });

  it('groups a large score and keeps one decimal', () => {
    expect(formatScore(12345.678)).toBe('12,345.7');
  });

  it('shows a dash for no score or an infinite one', () => {
    expect(formatScore(null)).toBe('—');
    expect(formatScore(undefined)).toBe('—');
    expect(formatScore(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatSeconds', () => {
  it('shows tenths below ten seconds and whole seconds up to a minute', () => {
    expect(formatSeconds(2.345)).toBe('2.3 s');
    expect(formatSeconds(42.4)).toBe('42 s');
  });

  it('shows minutes, and the seconds left over when there are any', () => {
    expect(formatSeconds(60)).toBe('1 min');
    expect(formatSeconds(125)).toBe('2 min 5 s');
  });

  it('shows a dash for no duration', () => {
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(Number.NaN)).toBe('—');
  });
});

describe('formatWhen', () => {
  it('shows a medium date and a short time, or a dash', () => {
    expect(formatWhen('2026-12-03T22:15:00Z')).toBe('Dec 3, 2026, 10:15 PM');
    expect(formatWhen(null)).toBe('—');
  });
});

describe('shortId', () => {
  it('keeps the random end of a UUIDv7, not its timestamp start', () => {
    expect(shortId('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBe('2e3f4a5b');
  });
});

describe('describeParams', () => {
  it('lists the parameters with numbers to three significant digits', () => {
    expect(describeParams({ learningRate: 0.123456, leaves: 31, booster: 'gbdt' })).toBe('learningRate=0.123, leaves=31, booster=gbdt');
  });

  it('is empty for no parameters', () => {
    expect(describeParams({})).toBe('');
  });
});
