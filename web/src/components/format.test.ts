import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatMoney, formatNumber } from './format';

// npm test runs in en-US and UTC, so these are the strings an American reader in London would see.
describe('formatDate', () => {
  it('shows a medium date and a short time', () => {
    expect(formatDate('2026-03-14T15:09:26Z')).toBe('Mar 14, 2026, 3:09 PM');
  });

  it('shows a dash when there is no date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('')).toBe('—');
  });
});

describe('formatBytes', () => {
  it('counts bytes below a kilobyte', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('keeps one decimal below ten units and none above', () => {
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024)).toBe('20 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('stops at terabytes', () => {
    expect(formatBytes(2048 * 1024 ** 4)).toBe('2048 TB');
  });
});

describe('formatNumber', () => {
  it('groups whole numbers', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0)).toBe('0');
  });

  it('keeps four significant digits of a fraction by default', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1234.5678)).toBe('1,235');
  });

  it('takes fewer digits when asked', () => {
    expect(formatNumber(0.123456, 1)).toBe('0.12');
  });

  it('shows a dash for no value', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('formatMoney', () => {
  it('shows cents as the currency, whatever the case of its code', () => {
    expect(formatMoney(1999, 'usd')).toBe('$19.99');
    expect(formatMoney(500, 'EUR')).toBe('€5.00');
    expect(formatMoney(0, 'usd')).toBe('$0.00');
  });
});
