// The model page's threshold-tool charts: cumulative gain, lift and the reliability (calibration) curve of a binary model.
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CalibrationBin, GainPoint } from '../../api/types';
import { animation, colors, short } from './palette';
import { html } from './html';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const axisLabel = { formatter: (v: number) => short(v) };
const grid = { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;
const legend = { top: 0 } as const;
const dashed = { type: 'dashed', color: colors.muted } as const;

/** The share of positives found in the top share of rows ranked by probability; the dashed line is a random pick. */
export function gainOption(points: GainPoint[]): EChartsCoreOption {
  return {
    ...animation,
    grid,
    legend,
    tooltip: { trigger: 'item', formatter: (p: { seriesName: string; value: number[] }) => html`${p.seriesName}: top ${short(p.value[0] * 100)}% of rows hold ${short(p.value[1] * 100)}% of positives` },
    xAxis: { type: 'value', min: 0, max: 1, name: 'Share of rows (most probable first)', nameLocation: 'middle', nameGap: 24, axisLabel },
    yAxis: { type: 'value', min: 0, max: 1, name: 'Share of positives', nameLocation: 'middle', nameGap: 36, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      { name: 'Model', type: 'line', symbolSize: 5, lineStyle: { width: 2, color: colors.primary }, itemStyle: { color: colors.primary }, data: [[0, 0], ...points.map((p) => [p.population, p.gain])] },
      { name: 'Random', type: 'line', showSymbol: false, silent: true, lineStyle: dashed, itemStyle: { color: colors.muted }, data: [[0, 0], [1, 1]] },
    ],
  };
}

/** How many times a random pick's share of positives the top share of rows holds; the dashed line is 1. */
export function liftOption(points: GainPoint[]): EChartsCoreOption {
  return {
    ...animation,
    grid,
    legend,
    tooltip: { trigger: 'item', formatter: (p: { seriesName: string; value: number[] }) => html`${p.seriesName}: top ${short(p.value[0] * 100)}% of rows, lift ${short(p.value[1])}` },
    xAxis: { type: 'value', min: 0, max: 1, name: 'Share of rows (most probable first)', nameLocation: 'middle', nameGap: 24, axisLabel },
    yAxis: { type: 'value', min: 0, name: 'Lift', nameLocation: 'middle', nameGap: 36, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      { name: 'Model', type: 'line', symbolSize: 5, lineStyle: { width: 2, color: colors.primary }, itemStyle: { color: colors.primary }, data: points.map((p) => [p.population, p.lift]) },
      { name: 'Random', type: 'line', showSymbol: false, silent: true, lineStyle: dashed, itemStyle: { color: colors.muted }, data: [[0, 1], [1, 1]] },
    ],
  };
}

/** Mean predicted probability against the observed share of positives per bin; on the dashed line the model is calibrated. */
export function calibrationOption(bins: CalibrationBin[]): EChartsCoreOption {
  return {
    ...animation,
    grid,
    legend,
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; value: number[] }) =>
        html`${p.seriesName}: predicted ${short(p.value[0])}, observed ${short(p.value[1])}${p.value[2] !== undefined ? ` (${p.value[2]} rows)` : ''}`,
    },
    xAxis: { type: 'value', min: 0, max: 1, name: 'Mean predicted probability', nameLocation: 'middle', nameGap: 24, axisLabel },
    yAxis: { type: 'value', min: 0, max: 1, name: 'Observed share positive', nameLocation: 'middle', nameGap: 36, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      { name: 'Model', type: 'line', symbolSize: 7, lineStyle: { width: 2, color: colors.primary }, itemStyle: { color: colors.primary }, data: bins.map((b) => [b.meanPredicted, b.observed, b.count]) },
      { name: 'Perfectly calibrated', type: 'line', showSymbol: false, silent: true, lineStyle: dashed, itemStyle: { color: colors.muted }, data: [[0, 0], [1, 1]] },
    ],
  };
}
