// An endpoint's monitoring charts: the distance of every feature in every window, one feature's histogram against its
// training baseline, and its skew and drift over the windows with the warning and alert lines.
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { html } from './html';
import { animation, colors, short } from './palette';

echarts.use([BarChart, HeatmapChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const grid = { left: 8, right: 16, top: 44, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;
const valueFormatter = (v: unknown) => (typeof v === 'number' ? short(v) : '—');

export const levelColors = { skipped: '#e5e7eb', ok: '#bbf7d0', warn: '#fde68a', alert: '#fca5a5' } as const;
const levelCodes = { skipped: 0, ok: 1, warn: 2, alert: 3 } as const;

export interface HeatCell {
  /** Index of the window (x) and of the feature (y). */
  window: number;
  feature: number;
  level: keyof typeof levelCodes;
  distance: number | null;
}

/** Features down, windows across, each cell coloured by its level and labelled with its distance. */
export function distanceHeatmapOption(windows: string[], features: string[], cells: HeatCell[], warn: number, alert: number): EChartsCoreOption {
  return {
    ...animation,
    grid: { ...grid, top: 52 },
    tooltip: {
      formatter: (p: { data: [number, number, number, number | null] }) => {
        const [x, y, code, d] = p.data;
        const level = (Object.keys(levelCodes) as (keyof typeof levelCodes)[]).find((k) => levelCodes[k] === code) ?? 'skipped';
        return level === 'skipped'
          ? html`${features[y]}, ${windows[x]}: skipped (too few rows to judge)`
          : html`${features[y]}, ${windows[x]}: ${level}, distance ${d === null ? '—' : short(d)}`;
      },
    },
    xAxis: { type: 'category', data: windows, splitArea: { show: true }, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: features, inverse: true, splitArea: { show: true } },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      top: 0,
      left: 'center',
      itemGap: 12,
      pieces: [
        { value: levelCodes.ok, label: `ok (< ${short(warn)})`, color: levelColors.ok },
        { value: levelCodes.warn, label: `warn (≥ ${short(warn)})`, color: levelColors.warn },
        { value: levelCodes.alert, label: `alert (≥ ${short(alert)})`, color: levelColors.alert },
        { value: levelCodes.skipped, label: 'skipped (< 500 rows)', color: levelColors.skipped },
      ],
    },
    series: [
      {
        name: 'Distance',
        type: 'heatmap',
        data: cells.map((c) => [c.window, c.feature, levelCodes[c.level], c.distance]),
        label: {
          show: true,
          fontSize: 10,
          color: colors.text,
          formatter: (p: { data: [number, number, number, number | null] }) =>
            p.data[2] === levelCodes.skipped ? '–' : p.data[3] === null ? '' : p.data[3].toFixed(2),
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
  };
}

/** The training baseline's share per bin, with the latest window's shares drawn over it when there is one. */
export function featureHistogramOption(bins: string[], baseline: number[], latest: number[] | null, latestName: string): EChartsCoreOption {
  const series: object[] = [
    { name: 'Training', type: 'bar', barMaxWidth: 28, itemStyle: { color: colors.muted, opacity: 0.7 }, data: baseline },
  ];
  if (latest) {
    series.push({ name: latestName, type: 'bar', barMaxWidth: 28, barGap: '-100%', itemStyle: { color: colors.primary, opacity: 0.55 }, data: latest });
  }
  return {
    ...animation,
    grid,
    legend: { top: 0, data: series.map((s) => (s as { name: string }).name) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v)) },
    xAxis: { type: 'category', data: bins, axisLabel: { hideOverlap: true, rotate: bins.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: 'share', min: 0, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, splitLine: { lineStyle: { color: colors.grid } } },
    series,
  };
}

/** A feature's skew and drift per window, with the warning and alert lines across. */
export function featureDistanceOption(windows: string[], skew: (number | null)[], drift: (number | null)[], warn: number, alert: number): EChartsCoreOption {
  const line = (color: string) => ({ symbolSize: 6, lineStyle: { width: 2, color }, itemStyle: { color } });
  return {
    ...animation,
    grid,
    legend: { top: 0, data: ['skew', 'drift'] },
    tooltip: { trigger: 'axis', valueFormatter },
    xAxis: { type: 'category', data: windows, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: 'distance', min: 0, max: (v: { max: number }) => Math.min(1, Math.max(alert * 1.25, Math.ceil(v.max * 20) / 20)), axisLabel: { formatter: (v: number) => short(v) }, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      {
        name: 'skew',
        type: 'line',
        ...line(colors.primary),
        data: skew,
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            { yAxis: warn, name: 'warn', lineStyle: { color: '#ca8a04', type: 'dashed' }, label: { formatter: `warn ${short(warn)}`, position: 'insideEndTop' } },
            { yAxis: alert, name: 'alert', lineStyle: { color: colors.positive, type: 'dashed' }, label: { formatter: `alert ${short(alert)}`, position: 'insideEndTop' } },
          ],
        },
      },
      { name: 'drift', type: 'line', ...line('#ea580c'), lineStyle: { width: 2, color: '#ea580c', type: 'dotted' }, data: drift },
    ],
  };
}
