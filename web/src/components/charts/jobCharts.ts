// The job page's chart: the best score so far against time, with each trial's own score as dots.
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { animation, colors, short } from './palette';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ScorePoint {
  elapsedSeconds: number;
  score: number;
  bestScore: number;
  trial: number;
}

export function bestScoreOption(points: ScorePoint[], metric: string): EChartsCoreOption {
  const sorted = [...points].sort((a, b) => a.elapsedSeconds - b.elapsedSeconds);
  const finite = sorted.filter((p) => Number.isFinite(p.score));
  return {
    ...animation,
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { top: 0, data: ['Best so far', 'Trial score'] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? short(v) : String(v)) },
    xAxis: { type: 'value', name: 'seconds', nameLocation: 'middle', nameGap: 24, min: 0, axisLabel: { formatter: (v: number) => short(v) } },
    yAxis: { type: 'value', name: metric, scale: true, axisLabel: { formatter: (v: number) => short(v) }, splitLine: { lineStyle: { color: colors.grid } } },
    series: [
      {
        name: 'Best so far',
        type: 'line',
        step: 'end',
        showSymbol: false,
        lineStyle: { width: 2, color: colors.primary },
        itemStyle: { color: colors.primary },
        data: sorted.map((p) => [p.elapsedSeconds, p.bestScore]),
      },
      {
        name: 'Trial score',
        type: 'scatter',
        symbolSize: 6,
        itemStyle: { color: colors.muted },
        data: finite.map((p) => [p.elapsedSeconds, p.score]),
      },
    ],
  };
}
