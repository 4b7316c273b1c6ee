// The model page's charts: ROC, precision-recall, confusion matrix, predicted vs actual, residuals,
// feature importance and the SHAP waterfall of one prediction.
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import type { CustomSeriesRenderItem } from 'echarts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { animation, colors, short } from './palette';
import { html } from './html';

echarts.use([
  BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart,
  GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer,
]);

export interface CurvePoint {
  x: number;
  y: number;
  threshold?: number | null;
}

const axisLabel = { formatter: (v: number) => short(v) };
const valueFormatter = (v: unknown) => (typeof v === 'number' ? short(v) : String(v));

function unitCurve(points: CurvePoint[], xName: string, yName: string, name: string, diagonal: 'up' | 'none'): EChartsCoreOption {
  const series: unknown[] = [
    {
      name,
      type: 'line',
      showSymbol: false,
      lineStyle: { width: 2, color: colors.primary },
      itemStyle: { color: colors.primary },
      areaStyle: { opacity: 0.08, color: colors.primary },
      data: points.map((p) => [p.x, p.y]),
    },
  ];
  if (diagonal === 'up') {
    series.push({ name: 'Chance', type: 'line', showSymbol: false, silent: true, lineStyle: { type: 'dashed', color: colors.muted }, data: [[0, 0], [1, 1]] });
  }
  return {
    ...animation,
    grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { trigger: 'axis', valueFormatter },
    xAxis: { type: 'value', min: 0, max: 1, name: xName, nameLocation: 'middle', nameGap: 24, axisLabel },
    yAxis: { type: 'value', min: 0, max: 1, name: yName, nameLocation: 'middle', nameGap: 36, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series,
  };
}

export function rocOption(points: CurvePoint[]): EChartsCoreOption {
  return unitCurve(points, 'False positive rate', 'True positive rate', 'ROC', 'up');
}

export function prOption(points: CurvePoint[]): EChartsCoreOption {
  return unitCurve(points, 'Recall', 'Precision', 'Precision-recall', 'none');
}

/** counts[actual][predicted]. */
export function confusionOption(labels: string[], counts: number[][]): EChartsCoreOption {
  const data: [number, number, number][] = [];
  counts.forEach((row, actual) => row.forEach((count, predicted) => data.push([predicted, actual, count])));
  const max = Math.max(1, ...data.map((d) => d[2]));
  return {
    ...animation,
    grid: { left: 8, right: 16, top: 16, bottom: 44, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        html`actual ${labels[p.value[1]]}, predicted ${labels[p.value[0]]}: ${p.value[2]}`,
    },
    xAxis: { type: 'category', data: labels, name: 'Predicted', nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
    yAxis: { type: 'category', data: labels, name: 'Actual', nameLocation: 'middle', nameGap: 48, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', right: 16, bottom: 0, itemHeight: 100, itemWidth: 10, inRange: { color: ['#eff6ff', colors.primary] } },
    series: [{ name: 'Rows', type: 'heatmap', data, label: { show: labels.length <= 12 }, emphasis: { itemStyle: { borderColor: colors.text, borderWidth: 1 } } }],
  };
}

function bounds(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** x = actual, y = predicted; the dashed line is a perfect prediction. */
export function predictedVsActualOption(points: CurvePoint[], target: string): EChartsCoreOption {
  const [lo, hi] = bounds(points.flatMap((p) => [p.x, p.y]));
  return {
    ...animation,
    grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { trigger: 'item', formatter: (p: { value: number[] }) => html`actual ${short(p.value[0])}, predicted ${short(p.value[1])}` },
    xAxis: { type: 'value', name: `Actual ${target}`, nameLocation: 'middle', nameGap: 24, scale: true, axisLabel },
    yAxis: { type: 'value', name: 'Predicted', nameLocation: 'middle', nameGap: 40, scale: true, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      { name: 'Rows', type: 'scatter', symbolSize: 5, itemStyle: { color: colors.primary, opacity: 0.6 }, data: points.map((p) => [p.x, p.y]) },
      { name: 'Perfect', type: 'line', showSymbol: false, silent: true, lineStyle: { type: 'dashed', color: colors.muted }, data: [[lo, lo], [hi, hi]] },
    ],
  };
}

/** x = predicted, y = actual − predicted; the dashed line is no error. */
export function residualsOption(points: CurvePoint[]): EChartsCoreOption {
  const [lo, hi] = bounds(points.map((p) => p.x));
  return {
    ...animation,
    grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { trigger: 'item', formatter: (p: { value: number[] }) => html`predicted ${short(p.value[0])}, residual ${short(p.value[1])}` },
    xAxis: { type: 'value', name: 'Predicted', nameLocation: 'middle', nameGap: 24, scale: true, axisLabel },
    yAxis: { type: 'value', name: 'Actual − predicted', nameLocation: 'middle', nameGap: 40, scale: true, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      { name: 'Rows', type: 'scatter', symbolSize: 5, itemStyle: { color: colors.primary, opacity: 0.6 }, data: points.map((p) => [p.x, p.y]) },
      { name: 'No error', type: 'line', showSymbol: false, silent: true, lineStyle: { type: 'dashed', color: colors.muted }, data: [[lo, 0], [hi, 0]] },
    ],
  };
}

export interface Importance {
  feature: string;
  gain: number;
}

/** The top features by mean |SHAP|, largest on top. */
export function importanceOption(items: Importance[], top = 20): EChartsCoreOption {
  const shown = [...items].sort((a, b) => b.gain - a.gain).slice(0, top).reverse();
  return {
    ...animation,
    grid: { left: 8, right: 24, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter },
    xAxis: { type: 'value', name: 'mean |SHAP|', nameLocation: 'middle', nameGap: 24, axisLabel },
    yAxis: { type: 'category', data: shown.map((i) => i.feature), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ name: 'Importance', type: 'bar', data: shown.map((i) => i.gain), itemStyle: { color: colors.primary }, barMaxWidth: 18 }],
  };
}

export function importanceHeight(count: number, top = 20): number {
  return Math.max(160, Math.min(count, top) * 24 + 48);
}

export interface WaterfallStep {
  name: string;
  start: number;
  end: number;
  kind: 'base' | 'up' | 'down' | 'total';
}

/**
 * The steps from the model's expected output to this row's output: the largest contributions one by one,
 * the rest summed as one step, so the last bar ends where the prediction is.
 */
export function waterfallSteps(expected: number, contributions: Record<string, number>, top = 10): WaterfallStep[] {
  const sorted = Object.entries(contributions).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const shown = sorted.slice(0, top);
  const rest = sorted.slice(top).reduce((sum, [, v]) => sum + v, 0);
  if (sorted.length > top) shown.push([`${sorted.length - top} other features`, rest]);
  const steps: WaterfallStep[] = [{ name: 'Expected value', start: 0, end: expected, kind: 'base' }];
  let running = expected;
  for (const [name, v] of shown) {
    steps.push({ name, start: running, end: running + v, kind: v >= 0 ? 'up' : 'down' });
    running += v;
  }
  steps.push({ name: 'This prediction', start: 0, end: running, kind: 'total' });
  return steps;
}

const stepColor: Record<WaterfallStep['kind'], string> = { base: colors.muted, total: colors.text, up: colors.positive, down: colors.negative };

export function shapWaterfallOption(steps: WaterfallStep[], unit: string): EChartsCoreOption {
  const ordered = [...steps].reverse(); // the first step on top
  const renderItem: CustomSeriesRenderItem = (params, api) => {
    const index = api.value(0) as number;
    const from = api.coord([api.value(1), index]);
    const to = api.coord([api.value(2), index]);
    const height = (api.size!([0, 1]) as number[])[1] * 0.6;
    const step = ordered[params.dataIndex];
    return {
      type: 'rect',
      shape: { x: Math.min(from[0], to[0]), y: from[1] - height / 2, width: Math.max(1, Math.abs(to[0] - from[0])), height },
      style: { fill: stepColor[step.kind] },
    };
  };
  return {
    ...animation,
    grid: { left: 8, right: 24, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const s = ordered[p.dataIndex];
        return s.kind === 'base' || s.kind === 'total'
          ? html`${s.name}: ${short(s.end)}`
          : html`${s.name}: ${s.end - s.start >= 0 ? '+' : ''}${short(s.end - s.start)}`;
      },
    },
    xAxis: { type: 'value', name: unit, nameLocation: 'middle', nameGap: 24, axisLabel },
    yAxis: { type: 'category', data: ordered.map((s) => s.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'custom',
        name: 'SHAP',
        renderItem,
        encode: { x: [1, 2], y: 0 },
        data: ordered.map((s, i) => [i, s.start, s.end]),
      },
    ],
  };
}

/** One model's curve in an overlay: the legend names it. */
export interface NamedCurve {
  name: string;
  points: CurvePoint[];
}

// Up to four models side by side: colours told apart also by readers with red-green colour blindness (blue, orange, purple, teal).
export const seriesColors = ['#2563eb', '#ea580c', '#9333ea', '#0d9488'];

const overlayGrid = { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;
const overlayLegend = { top: 0, type: 'scroll' } as const;

/** ROC or precision-recall curves of several models on one pair of unit axes. */
export function overlayCurvesOption(curves: NamedCurve[], kind: 'roc' | 'pr'): EChartsCoreOption {
  const series: unknown[] = curves.map((c, i) => ({
    name: c.name,
    type: 'line',
    showSymbol: false,
    lineStyle: { width: 2, color: seriesColors[i % seriesColors.length] },
    itemStyle: { color: seriesColors[i % seriesColors.length] },
    data: c.points.map((p) => [p.x, p.y]),
  }));
  if (kind === 'roc') {
    series.push({ name: 'Chance', type: 'line', showSymbol: false, silent: true, lineStyle: { type: 'dashed', color: colors.muted }, itemStyle: { color: colors.muted }, data: [[0, 0], [1, 1]] });
  }
  const [xName, yName] = kind === 'roc' ? ['False positive rate', 'True positive rate'] : ['Recall', 'Precision'];
  return {
    ...animation,
    grid: overlayGrid,
    legend: overlayLegend,
    tooltip: { trigger: 'axis', valueFormatter },
    xAxis: { type: 'value', min: 0, max: 1, name: xName, nameLocation: 'middle', nameGap: 24, axisLabel },
    yAxis: { type: 'value', min: 0, max: 1, name: yName, nameLocation: 'middle', nameGap: 36, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series,
  };
}

/** Residuals (x = predicted, y = actual − predicted) or predicted-vs-actual (x = actual, y = predicted) of several models as scatters. */
export function overlayScatterOption(curves: NamedCurve[], kind: 'residuals' | 'predictedVsActual'): EChartsCoreOption {
  const series: unknown[] = curves.map((c, i) => ({
    name: c.name,
    type: 'scatter',
    symbolSize: 5,
    itemStyle: { color: seriesColors[i % seriesColors.length], opacity: 0.55 },
    data: c.points.map((p) => [p.x, p.y]),
  }));
  const xs = curves.flatMap((c) => c.points.map((p) => p.x));
  const [lo, hi] = bounds(kind === 'residuals' ? xs : curves.flatMap((c) => c.points.flatMap((p) => [p.x, p.y])));
  series.push(
    kind === 'residuals'
      ? { name: 'No error', type: 'line', showSymbol: false, silent: true, lineStyle: { type: 'dashed', color: colors.muted }, itemStyle: { color: colors.muted }, data: [[lo, 0], [hi, 0]] }
      : { name: 'Perfect', type: 'line', showSymbol: false, silent: true, lineStyle: { type: 'dashed', color: colors.muted }, itemStyle: { color: colors.muted }, data: [[lo, lo], [hi, hi]] },
  );
  const [xName, yName] = kind === 'residuals' ? ['Predicted', 'Actual − predicted'] : ['Actual', 'Predicted'];
  return {
    ...animation,
    grid: overlayGrid,
    legend: overlayLegend,
    tooltip: { trigger: 'item', formatter: (p: { seriesName: string; value: number[] }) => html`${p.seriesName}: ${short(p.value[0])}, ${short(p.value[1])}` },
    xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 24, scale: true, axisLabel },
    yAxis: { type: 'value', name: yName, nameLocation: 'middle', nameGap: 40, scale: true, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series,
  };
}
