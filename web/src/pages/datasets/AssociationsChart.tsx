import { useMemo } from 'react';
import type { DatasetAssociations } from '../../api/types';
import ChartData from '../../components/ChartData';
import EChart from '../../components/EChart';
import { associationOption, measureNames } from '../../components/charts/insightCharts';

/** The association heat map (Spearman for two numbers, Cramér's V or η otherwise) with every measure in a table behind it. */
export default function AssociationsChart({ associations }: { associations: DatasetAssociations }) {
  const { columns, pairs } = associations;
  const option = useMemo(() => associationOption(columns, pairs), [columns, pairs]);
  const rows = useMemo(
    () => [...pairs]
      .sort((x, y) => Math.abs(y.value) - Math.abs(x.value))
      .map((p) => [`${p.a} × ${p.b} (${measureNames[p.measure] ?? p.measure})`, p.value.toFixed(3)]),
    [pairs],
  );
  if (columns.length < 2) {
    return <p className="muted">Associations need two numeric or categorical columns that vary.</p>;
  }
  return (
    <figure className="card">
      <figcaption>How strongly the columns go together (−1 to 1; categories 0 to 1)</figcaption>
      <EChart option={option} height={Math.max(260, Math.min(620, columns.length * 28 + 120))} testId="chart-associations" ariaLabel="Heat map of the associations between columns" />
      <ChartData caption="Associations between columns, strongest first" columns={['Columns (measure)', 'Value']} rows={rows} />
    </figure>
  );
}
