// The registry pages' charts: a registered model's score across versions, and an endpoint's traffic and latency per hour.
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { animation, colors, short } from './palette';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const axisLabel = { formatter: (v: number) => short(v) };
const valueFormatter = (v: unknown) => (typeof v === 'number' ? short(v) : String(v));
const grid = { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;

/** Metrics that cannot exceed 1: the axis stops there, however close the versions' scores are. */
const atMostOne = new Set(['auc', 'accuracy', 'f1', 'precision', 'recall', 'macrof1', 'r2']);

/** The primary metric of each version, version 1 on the left. */
export function versionScoreOption(points: { version: number; score: number }[], metric: string, metricKey = ''): EChartsCoreOption {
  return {
    ...animation,
    grid,
    tooltip: { trigger: 'axis', valueFormatter },
    xAxis: { type: 'category', name: 'version', nameLocation: 'middle', nameGap: 24, data: points.map((p) => `v${p.version}`) },
    yAxis: {
      type: 'value',
      name: metric,
      scale: true,
      // A bounded metric's axis: a margin of 0.05 around the scores, rounded to 0.05, within 0 to 1.
      ...(atMostOne.has(metricKey.toLowerCase())
        ? {
            min: (v: { min: number }) => Math.max(0, Math.floor((v.min - 0.05) * 20) / 20),
            max: (v: { max: number }) => Math.min(1, Math.ceil((v.max + 0.05) * 20) / 20),
          }
        : {}),
      axisLabel,
      splitLine: { lineStyle: { color: colors.grid } },
    },
    series: [
      {
        name: metric,
        type: 'line',
        symbolSize: 8,
        lineStyle: { width: 2, color: colors.primary },
        itemStyle: { color: colors.primary },
        data: points.map((p) => p.score),
      },
    ],
  };
}

export interface HourPoint {
  hour: string;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** "14:00" in UTC, as the API counts hours. */
export function hourLabel(iso: string): string {
  return `${iso.slice(11, 13)}:00`;
}

export function requestsPerHourOption(hours: HourPoint[]): EChartsCoreOption {
  return {
    ...animation,
    grid,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter },
    xAxis: { type: 'category', data: hours.map((h) => hourLabel(h.hour)) },
    yAxis: { type: 'value', name: 'requests', minInterval: 1, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series: [{ name: 'Requests', type: 'bar', barMaxWidth: 24, itemStyle: { color: colors.primary }, data: hours.map((h) => h.requests) }],
  };
}

export function latencyPerHourOption(hours: HourPoint[]): EChartsCoreOption {
  return {
    ...animation,
    grid,
    legend: { top: 0, data: ['p50', 'p95'] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${short(v)} ms` : String(v)) },
    xAxis: { type: 'category', data: hours.map((h) => hourLabel(h.hour)) },
    yAxis: { type: 'value', name: 'ms', axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      { name: 'p50', type: 'line', symbolSize: 6, lineStyle: { width: 2, color: colors.primary }, itemStyle: { color: colors.primary }, data: hours.map((h) => h.p50Ms) },
      { name: 'p95', type: 'line', symbolSize: 6, lineStyle: { width: 2, color: '#ea580c', type: 'dashed' }, itemStyle: { color: '#ea580c' }, data: hours.map((h) => h.p95Ms) },
    ],
  };
}
