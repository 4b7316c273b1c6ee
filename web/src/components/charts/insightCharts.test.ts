import { describe, expect, it } from 'vitest';
import { associationOption, gridLabels, headlinePairs, partialDependenceOption } from './insightCharts';

type Series = { name: string; data: unknown[] };

describe('insight charts', () => {
  it('shows Spearman for two numbers, mirrors each pair across the diagonal and keeps a cell per measure of categories', () => {
    const pairs = [
      { a: 'size', b: 'price', measure: 'pearson', value: 0.8 },
      { a: 'size', b: 'price', measure: 'spearman', value: 0.9 },
      { a: 'price', b: 'band', measure: 'eta', value: 0.95 },
    ];
    expect(headlinePairs(pairs).map((p) => p.measure)).toEqual(['spearman', 'eta']);
    const option = associationOption(['size', 'price', 'band'], pairs) as { series: Series[] };
    expect(option.series[0].data).toEqual([
      [0, 0, 1, ''], [1, 1, 1, ''], [2, 2, 1, ''],
      [0, 1, 0.9, 'spearman'], [1, 0, 0.9, 'spearman'],
      [1, 2, 0.95, 'eta'], [2, 1, 0.95, 'eta'],
    ]);
  });

  it('draws one thin line per sampled row under the average, on the levels of a category', () => {
    const curve = { feature: 'colour', kind: 'categorical', grid: [0, 1], levels: ['red', 'blue'], average: [1, 3], ice: [[0, 2], [2, 4]] };
    expect(gridLabels(curve)).toEqual(['red', 'blue']);
    const option = partialDependenceOption(curve, 'P(yes)') as { series: Series[]; xAxis: { data: string[] } };
    expect(option.series.map((s) => s.name)).toEqual(['Row 1', 'Row 2', 'Average']);
    expect(option.series[2].data).toEqual([[0, 1], [1, 3]]);
    expect(option.xAxis.data).toEqual(['red', 'blue']);
  });
});
