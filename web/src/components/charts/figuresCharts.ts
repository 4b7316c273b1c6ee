// The admin console's platform figures: one value per UTC day, as bars (stacked when they add up to a total) or lines.
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { animation, colors, short } from './palette';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A named row of values, one per day (null where the day has none, e.g. no job started); `color` pins a colour. */
export interface DaySeries {
  name: string;
  values: (number | null)[];
  color?: string;
}

const seriesColors = [colors.primary, '#ea580c', colors.ok, '#7c3aed', '#0891b2', '#ca8a04', colors.muted, '#db2777'];

const grid = { left: 8, right: 16, top: 44, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;

/** Days are yyyy-MM-dd; the axis shows MM-dd, the tooltip and the table the whole date. */
function axes(days: string[], unit: string, signed = false) {
  return {
    xAxis: { type: 'category', data: days, axisLabel: { hideOverlap: true, formatter: (d: string) => d.slice(5) } },
    yAxis: {
      type: 'value',
      name: unit,
      min: signed ? undefined : 0,
      axisLabel: { formatter: (v: number) => short(v) },
      splitLine: { lineStyle: { color: colors.grid } },
    },
  };
}

const colorOf = (s: DaySeries, i: number) => s.color ?? seriesColors[i % seriesColors.length];

/**
 * Bars per day; `stacked` puts the series on top of each other (parts of one total, e.g. credits by source), negative
 * values below the axis (credits out).
 */
export function dailyBarsOption(days: string[], series: DaySeries[], unit: string, { stacked = false } = {}): EChartsCoreOption {
  const signed = series.some((s) => s.values.some((v) => v !== null && v < 0));
  return {
    ...animation,
    grid,
    legend: { top: 0, type: 'scroll', data: series.map((s) => s.name) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toLocaleString() : '—') },
    ...axes(days, unit, signed),
    series: series.map((s, i) => ({
      name: s.name,
      type: 'bar',
      stack: stacked ? 'total' : undefined,
      barMaxWidth: 28,
      itemStyle: { color: colorOf(s, i) },
      data: s.values,
    })),
  };
}

/** Lines per day (counts that are not parts of one total, e.g. sign-ups and active users). */
export function dailyLinesOption(days: string[], series: DaySeries[], unit: string): EChartsCoreOption {
  return {
    ...animation,
    grid,
    legend: { top: 0, type: 'scroll', data: series.map((s) => s.name) },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? short(v) : '—') },
    ...axes(days, unit),
    series: series.map((s, i) => ({
      name: s.name,
      type: 'line',
      symbolSize: 6,
      connectNulls: false,
      lineStyle: { width: 2, color: colorOf(s, i) },
      itemStyle: { color: colorOf(s, i) },
      data: s.values,
    })),
  };
}
