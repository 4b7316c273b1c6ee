import { describe, expect, it } from 'vitest';
import { distanceHeatmapOption, featureDistanceOption, featureHistogramOption } from './monitoringCharts';

type Series = { type: string; data: unknown[]; barGap?: string; markLine?: { data: { yAxis: number }[] } };

describe('monitoring charts', () => {
  it('colours heatmap cells by level, with the warn and alert lines and skipped in the legend', () => {
    const option = distanceHeatmapOption(['Dec 4 09:00', 'Dec 4 10:00'], ['glucose'], [
      { window: 0, feature: 0, level: 'skipped', distance: null },
      { window: 1, feature: 0, level: 'alert', distance: 0.31 },
    ], 0.1, 0.2) as { series: Series[]; visualMap: { pieces: { label: string; value: number }[] } };
    expect(option.series[0].data).toEqual([[0, 0, 0, null], [1, 0, 3, 0.31]]);
    expect(option.visualMap.pieces.map((p) => p.label)).toEqual(['ok (< 0.1)', 'warn (≥ 0.1)', 'alert (≥ 0.2)', 'skipped (< 500 rows)']);
  });

  it('overlays the latest window on the baseline only when there is one', () => {
    const both = featureHistogramOption(['a', 'b'], [0.5, 0.5], [0.2, 0.8], 'Window of Dec 4 10:00') as { series: Series[] };
    expect(both.series.map((s) => s.data)).toEqual([[0.5, 0.5], [0.2, 0.8]]);
    expect(both.series[1].barGap).toBe('-100%');
    const alone = featureHistogramOption(['a', 'b'], [0.5, 0.5], null, '') as { series: Series[] };
    expect(alone.series).toHaveLength(1);
  });

  it('draws the warn and alert lines across skew and drift', () => {
    const option = featureDistanceOption(['w1', 'w2'], [null, 0.12], [null, 0.05], 0.1, 0.25) as { series: Series[] };
    expect(option.series[0].markLine?.data.map((d) => d.yAxis)).toEqual([0.1, 0.25]);
    expect(option.series[1].data).toEqual([null, 0.05]);
  });
});
