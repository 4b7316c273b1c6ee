import { describe, expect, it } from 'vitest';
import { parseCredits, tierLabel } from './adminFormat';

describe('parseCredits', () => {
  it('reads whole numbers, signed or with thousands separators', () => {
    expect(parseCredits('250')).toBe(250);
    expect(parseCredits(' +1,000 ')).toBe(1000);
    expect(parseCredits('-40')).toBe(-40);
    expect(parseCredits('10 000')).toBe(10000);
  });

  it('refuses what is not a grant or a take-back', () => {
    for (const text of ['', '0', '-0', '2.5', 'ten', '1e3', '--4', '99999999999999999999']) {
      expect(parseCredits(text), text).toBeNull();
    }
  });
});

describe('tierLabel', () => {
  it('names every plan, Enterprise included', () => {
    expect(['free', 'pro', 'enterprise'].map((t) => tierLabel(t as 'free'))).toEqual(['Free', 'Pro', 'Enterprise']);
  });
});
