// The insight charts: the data set page's association heat map, the model page's partial dependence (with ICE
// lines) and SHAP summary (beeswarm).
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { DatasetAssociation, PartialDependence, ShapSummary } from '../../api/types';
import { animation, colors, short } from './palette';
import { html } from './html';

echarts.use([HeatmapChart, LineChart, ScatterChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const axisLabel = { formatter: (v: number) => short(v) };

export const measureNames: Record<string, string> = {
  pearson: 'Pearson',
  spearman: 'Spearman',
  'cramers-v': "Cramér's V",
  eta: 'Correlation ratio (η)',
};

/**
 * One value per pair for the heat map: Spearman for two numbers (it sees any monotone relation, not only a straight
 * line), Cramér's V or η otherwise. The table behind the chart lists every measure.
 */
export function headlinePairs(pairs: DatasetAssociation[]): DatasetAssociation[] {
  const chosen = new Map<string, DatasetAssociation>();
  for (const p of pairs) {
    const key = `${p.a}\u0000${p.b}`;
    if (!chosen.has(key) || p.measure === 'spearman') chosen.set(key, p);
  }
  return [...chosen.values()];
}

export function associationOption(columns: string[], pairs: DatasetAssociation[]): EChartsCoreOption {
  const index = new Map(columns.map((c, i) => [c, i]));
  const data: [number, number, number, string][] = columns.map((_, i) => [i, i, 1, '']);
  for (const p of headlinePairs(pairs)) {
    const a = index.get(p.a);
    const b = index.get(p.b);
    if (a === undefined || b === undefined) continue;
    data.push([a, b, p.value, p.measure], [b, a, p.value, p.measure]);
  }
  return {
    ...animation,
    grid: { left: 8, right: 16, top: 8, bottom: 52, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      formatter: (p: { value: [number, number, number, string] }) =>
        p.value[0] === p.value[1]
          ? html`${columns[p.value[0]]}`
          : html`${columns[p.value[1]]} and ${columns[p.value[0]]}: ${measureNames[p.value[3]] ?? p.value[3]} ${short(p.value[2])}`,
    },
    xAxis: { type: 'category', data: columns, axisLabel: { rotate: 45, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: columns, inverse: true, axisLabel: { interval: 0 }, splitArea: { show: true } },
    visualMap: {
      dimension: 2, min: -1, max: 1, calculable: false, orient: 'horizontal', right: 16, bottom: 0, itemHeight: 120, itemWidth: 10,
      inRange: { color: [colors.negative, '#f8fafc', colors.positive] },
    },
    series: [{
      name: 'Association', type: 'heatmap', data,
      label: { show: columns.length <= 10, formatter: (p: { value: number[] }) => (p.value[0] === p.value[1] ? '' : p.value[2].toFixed(2)) },
      emphasis: { itemStyle: { borderColor: colors.text, borderWidth: 1 } },
    }],
  };
}

/** The x positions of a curve: its numbers, or its levels' names for a category. */
export function gridLabels(curve: PartialDependence): string[] {
  return curve.levels ?? curve.grid.map((g) => short(g));
}

export function partialDependenceOption(curve: PartialDependence, output: string): EChartsCoreOption {
  const categorical = curve.levels !== null;
  const x = (i: number) => (categorical ? i : curve.grid[i]);
  const ice = curve.ice.map((line, r) => ({
    name: `Row ${r + 1}`, type: 'line', silent: true, showSymbol: false,
    lineStyle: { width: 1, color: colors.muted, opacity: 0.35 },
    data: line.map((v, i) => [x(i), v]),
  }));
  return {
    ...animation,
    grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { trigger: 'axis', formatter: (ps: { seriesName: string; value: [number, number] }[]) => {
      const average = ps.find((p) => p.seriesName === 'Average');
      if (!average) return '';
      const at = categorical ? curve.levels![average.value[0]] : short(average.value[0]);
      return html`${curve.feature} = ${at}: average ${short(average.value[1])}`;
    } },
    xAxis: categorical
      ? { type: 'category', data: curve.levels, name: curve.feature, nameLocation: 'middle', nameGap: 28 }
      : { type: 'value', scale: true, name: curve.feature, nameLocation: 'middle', nameGap: 24, axisLabel },
    yAxis: { type: 'value', scale: true, name: output, nameLocation: 'middle', nameGap: 44, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      ...ice,
      {
        name: 'Average', type: 'line', showSymbol: categorical, symbolSize: 6, z: 3,
        lineStyle: { width: 3, color: colors.primary }, itemStyle: { color: colors.primary },
        data: curve.average.map((v, i) => [x(i), v]),
      },
    ],
  };
}

/** Where a point's value sits in its feature's range (0 low, 1 high), for the beeswarm's colour; null for a category. */
function relative(values: (number | null)[]): (number | null)[] {
  const present = values.filter((v): v is number => v !== null);
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  return values.map((v) => (v === null ? null : hi > lo ? (v - lo) / (hi - lo) : 0.5));
}

/** Deterministic jitter, so a screenshot of the same model is the same picture. */
function jitter(i: number): number {
  const s = Math.sin(i * 12.9898) * 43758.5453;
  return (s - Math.floor(s) - 0.5) * 0.6;
}

export function beeswarmOption(summaries: ShapSummary[]): EChartsCoreOption {
  const features = summaries.map((s) => s.feature);
  const data: [number, number, number, string][] = [];
  summaries.forEach((s, f) => {
    const scaled = relative(s.points.map((p) => p.value));
    s.points.forEach((p, i) => data.push([p.shap, f + jitter(i), scaled[i] ?? 0.5, p.level ?? (p.value === null ? 'missing' : short(p.value))]));
  });
  return {
    ...animation,
    grid: { left: 8, right: 16, top: 8, bottom: 52, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      formatter: (p: { value: [number, number, number, string] }) =>
        html`${features[Math.round(p.value[1])]} = ${p.value[3]}: SHAP ${short(p.value[0])}`,
    },
    xAxis: { type: 'value', name: 'SHAP value (effect on the output)', nameLocation: 'middle', nameGap: 24, axisLabel, splitLine: { lineStyle: { color: colors.grid } } },
    yAxis: {
      type: 'value', inverse: true, min: -0.5, max: features.length - 0.5, interval: 1,
      axisLabel: { formatter: (v: number) => features[v] ?? '' }, splitLine: { show: false },
    },
    visualMap: {
      dimension: 2, min: 0, max: 1, calculable: false, orient: 'horizontal', right: 16, bottom: 0, itemHeight: 100, itemWidth: 10,
      text: ['high value', 'low'], inRange: { color: [colors.negative, colors.positive] },
    },
    series: [{ name: 'Rows', type: 'scatter', symbolSize: 5, itemStyle: { opacity: 0.7 }, data }],
  };
}
