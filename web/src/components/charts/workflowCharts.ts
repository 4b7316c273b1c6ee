// The workflow page's chart: the primary metric of each run's candidate and of the champion it was compared with.
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { animation, colors, short } from './palette';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface RunScorePoint {
  /** The run's label on the axis, e.g. "#3". */
  label: string;
  candidate: number | null;
  champion: number | null;
}

/** Metrics that cannot exceed 1: the axis stops there, however close the runs' scores are. */
const atMostOne = new Set(['auc', 'accuracy', 'f1', 'precision', 'recall', 'macrof1', 'r2']);

const valueFormatter = (v: unknown) => (typeof v === 'number' ? short(v) : '—');

/** Oldest run on the left; a run without a champion (the first) leaves a gap in the champion's line. */
export function runScoresOption(points: RunScorePoint[], metric: string, metricKey = ''): EChartsCoreOption {
  return {
    ...animation,
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { top: 0, data: ['Candidate', 'Champion'] },
    tooltip: { trigger: 'axis', valueFormatter },
    xAxis: { type: 'category', name: 'run', nameLocation: 'middle', nameGap: 24, data: points.map((p) => p.label) },
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
      axisLabel: { formatter: (v: number) => short(v) },
      splitLine: { lineStyle: { color: colors.grid } },
    },
    series: [
      {
        name: 'Candidate',
        type: 'line',
        symbolSize: 8,
        connectNulls: false,
        lineStyle: { width: 2, color: colors.primary },
        itemStyle: { color: colors.primary },
        data: points.map((p) => p.candidate),
      },
      {
        name: 'Champion',
        type: 'line',
        symbolSize: 8,
        connectNulls: false,
        lineStyle: { width: 2, color: colors.ok, type: 'dashed' },
        itemStyle: { color: colors.ok },
        data: points.map((p) => p.champion),
      },
    ],
  };
}
