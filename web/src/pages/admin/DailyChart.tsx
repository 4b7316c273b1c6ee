import { useMemo } from 'react';
import ChartData from '../../components/ChartData';
import EChart from '../../components/EChart';
import { dailyBarsOption, dailyLinesOption, type DaySeries } from '../../components/charts/figuresCharts';

const count = (v: number | null) => (v === null ? '—' : v.toLocaleString());

/** One figure per day as a chart, with the same numbers in a table behind it (screen readers, copying). */
export default function DailyChart({
  title,
  days,
  series,
  unit,
  kind,
  testId,
  format = count,
  empty,
}: {
  title: string;
  days: string[];
  series: DaySeries[];
  unit: string;
  kind: 'lines' | 'bars' | 'stacked';
  testId: string;
  format?: (value: number | null) => string;
  /** What to say instead of an empty chart when there is no series at all. */
  empty?: string;
}) {
  const option = useMemo(
    () => (kind === 'lines' ? dailyLinesOption(days, series, unit) : dailyBarsOption(days, series, unit, { stacked: kind === 'stacked' })),
    [kind, days, series, unit],
  );
  return (
    <figure className="card">
      <figcaption>{title}</figcaption>
      {series.length === 0 ? (
        <p className="muted" data-testid={testId}>
          {empty}
        </p>
      ) : (
        <>
          <EChart option={option} height={260} testId={testId} ariaLabel={`${title}, per day: ${series.map((s) => s.name).join(', ')}`} />
          <ChartData
            caption={`${title} per day (UTC)`}
            columns={['Day (UTC)', ...series.map((s) => s.name)]}
            rows={days.map((day, i) => [day, ...series.map((s) => format(s.values[i] ?? null))])}
          />
        </>
      )}
    </figure>
  );
}
