import { describe, expect, it } from 'vitest';
import type { DayFigures } from '../../api/types';
import { figureSeries, total } from './figuresFormat';

const day = (d: string, over: Partial<DayFigures> = {}): DayFigures => ({
  day: d,
  signUps: 0,
  activeUsers: 0,
  jobs: { submitted: 0, succeeded: 0, failed: 0, cancelled: 0 },
  credits: [],
  revenue: [],
  queue: { depthAtEnd: 0, started: 0, averageWaitSeconds: null, p95WaitSeconds: null },
  failures: { jobs: 0, datasets: 0 },
  ...over,
});

describe('figureSeries', () => {
  const days = [
    day('2026-12-01', {
      signUps: 3,
      activeUsers: 5,
      credits: [
        { kind: 'signupBonus', in: 300, out: 0 },
        { kind: 'capture', in: 0, out: 40 },
      ],
      revenue: [{ currency: 'usd', payments: 1, amountCents: 1999, credits: 500 }],
      queue: { depthAtEnd: 2, started: 4, averageWaitSeconds: 12.5, p95WaitSeconds: 30 },
    }),
    day('2026-12-02', { signUps: 1, credits: [{ kind: 'grant', in: 250, out: 0 }] }),
  ];
  const s = figureSeries(days);

  it('has one value per day, in the order of the days', () => {
    expect(s.days).toEqual(['2026-12-01', '2026-12-02']);
    expect(s.activity[0]).toEqual({ name: 'Sign-ups', values: [3, 1] });
    expect(total(s.activity[0])).toBe(4);
  });

  it('puts credits in above the axis and out below it, only for the kinds the range has', () => {
    expect(s.credits.map((c) => c.name)).toEqual(['In: Grant', 'In: Sign-up bonus', 'Out: Job charge']);
    expect(s.credits[1].values).toEqual([300, 0]);
    expect(s.credits[2].values).toEqual([-40, 0]);
  });

  it('gives revenue per currency in its units, and waits only for days that started jobs', () => {
    expect(s.revenue).toEqual([{ name: 'USD', values: [19.99, 0] }]);
    expect(s.waits[0].values).toEqual([12.5, null]);
    expect(total(s.waits[0])).toBe(12.5);
  });

  it('has no revenue series when nothing was paid', () => {
    expect(figureSeries([day('2026-12-03')]).revenue).toEqual([]);
  });
});
