// The figures endpoint's days turned into the console's chart series: one value per day, in the range's order.
import type { CreditEntryKind, DayFigures } from '../../api/types';
import type { DaySeries } from '../../components/charts/figuresCharts';
import { kindLabels } from '../credits/entryFormat';

export interface FigureSeries {
  days: string[];
  activity: DaySeries[];
  jobs: DaySeries[];
  /** Credits into balances above the axis, out of them below, by ledger kind (only the kinds the range has). */
  credits: DaySeries[];
  /** Money per currency, in the currency's units; empty when no payment came in the range. */
  revenue: DaySeries[];
  queue: DaySeries[];
  waits: DaySeries[];
  failures: DaySeries[];
}

const failed = '#dc2626';

function kindsWith(days: DayFigures[], pick: (c: DayFigures['credits'][number]) => number): CreditEntryKind[] {
  const kinds = new Set<CreditEntryKind>();
  for (const d of days) for (const c of d.credits) if (pick(c) > 0) kinds.add(c.kind);
  return [...kinds].sort();
}

export function figureSeries(days: DayFigures[]): FigureSeries {
  const credit = (d: DayFigures, kind: CreditEntryKind) => d.credits.find((c) => c.kind === kind);
  const currencies = [...new Set(days.flatMap((d) => d.revenue.map((r) => r.currency)))].sort();
  return {
    days: days.map((d) => d.day),
    activity: [
      { name: 'Sign-ups', values: days.map((d) => d.signUps) },
      { name: 'Active users', values: days.map((d) => d.activeUsers) },
    ],
    jobs: [
      { name: 'Submitted', values: days.map((d) => d.jobs.submitted) },
      { name: 'Succeeded', values: days.map((d) => d.jobs.succeeded), color: '#15803d' },
      { name: 'Failed', values: days.map((d) => d.jobs.failed), color: failed },
      { name: 'Cancelled', values: days.map((d) => d.jobs.cancelled), color: '#94a3b8' },
    ],
    credits: [
      ...kindsWith(days, (c) => c.in).map((kind) => ({ name: `In: ${kindLabels[kind] ?? kind}`, values: days.map((d) => credit(d, kind)?.in ?? 0) })),
      ...kindsWith(days, (c) => c.out).map((kind) => ({ name: `Out: ${kindLabels[kind] ?? kind}`, values: days.map((d) => 0 - (credit(d, kind)?.out ?? 0)) })),
    ],
    revenue: currencies.map((currency) => ({
      name: currency.toUpperCase(),
      values: days.map((d) => (d.revenue.find((r) => r.currency === currency)?.amountCents ?? 0) / 100),
    })),
    queue: [
      { name: 'Waiting at the day’s end', values: days.map((d) => d.queue.depthAtEnd) },
      { name: 'Started', values: days.map((d) => d.queue.started) },
    ],
    waits: [
      { name: 'Average wait', values: days.map((d) => d.queue.averageWaitSeconds ?? null) },
      { name: '95th percentile wait', values: days.map((d) => d.queue.p95WaitSeconds ?? null) },
    ],
    failures: [
      { name: 'Failed jobs', values: days.map((d) => d.failures.jobs), color: failed },
      { name: 'Unreadable data sets', values: days.map((d) => d.failures.datasets), color: '#ea580c' },
    ],
  };
}

/** The sum of a series over the range (nulls count as nothing). */
export function total(series: DaySeries | undefined): number {
  return series ? series.values.reduce<number>((sum, v) => sum + (v ?? 0), 0) : 0;
}
