import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import EChart from '../../components/EChart';
import type { HistogramBin } from '../../api/types';
import { formatNumber } from '../../components/format';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A tiny bar chart of one numeric column's histogram, for the profile table. */
export default function Histogram({ bins, column }: { bins: HistogramBin[]; column: string }) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 0, right: 0, top: 2, bottom: 0 },
      xAxis: { type: 'category', show: false, data: bins.map((b) => `${formatNumber(b.lower)} – ${formatNumber(b.upper)}`) },
      yAxis: { type: 'value', show: false },
      tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize: 11 } },
      series: [{ type: 'bar', data: bins.map((b) => b.count), barCategoryGap: '10%', itemStyle: { color: '#2563eb' } }],
    }),
    [bins],
  );
  return <EChart option={option} height={36} className="sparkline" ariaLabel={`Distribution of ${column}`} testId="column-histogram" />;
}
