import { useMemo } from 'react';
import type { ModelEffects, PartialDependence, ShapSummary } from '../../api/types';
import ChartData from '../../components/ChartData';
import EChart from '../../components/EChart';
import { beeswarmOption, gridLabels, partialDependenceOption } from '../../components/charts/insightCharts';
import { short } from '../../components/charts/palette';

/** What the curves and SHAP values measure, in words. */
export function outputName(effects: ModelEffects, target: string): string {
  return effects.outputClass === null ? `Predicted ${target}` : `P(${effects.outputClass})`;
}

function PartialDependenceFigure({ curve, output }: { curve: PartialDependence; output: string }) {
  const option = useMemo(() => partialDependenceOption(curve, output), [curve, output]);
  const labels = gridLabels(curve);
  const rows = curve.average.map((a, i) => {
    const lines = curve.ice.map((line) => line[i]);
    return [labels[i], short(a), short(Math.min(...lines)), short(Math.max(...lines))];
  });
  return (
    <figure className="card" data-feature={curve.feature}>
      <figcaption>{curve.feature}</figcaption>
      <EChart option={option} testId="chart-pdp" ariaLabel={`Partial dependence of ${output} on ${curve.feature}, with one line per sampled row`} />
      <ChartData caption={`Partial dependence on ${curve.feature}`} columns={[curve.feature, `Average ${output}`, 'Lowest row', 'Highest row']} rows={rows} />
    </figure>
  );
}

function ShapSummaryFigure({ summaries }: { summaries: ShapSummary[] }) {
  const shown = summaries.filter((s) => s.points.length > 0);
  const option = useMemo(() => beeswarmOption(shown), [shown]);
  const rows = shown.map((s) => {
    const values = s.points.map((p) => p.shap);
    return [s.feature, short(values.reduce((t, v) => t + Math.abs(v), 0) / values.length), short(Math.min(...values)), short(Math.max(...values)), s.points.length];
  });
  if (shown.length === 0) return null;
  return (
    <figure className="card">
      <figcaption>SHAP summary: each dot is a sampled row, coloured by its value of the feature</figcaption>
      <EChart option={option} height={Math.max(220, shown.length * 48 + 90)} testId="chart-beeswarm" ariaLabel="SHAP summary (beeswarm): each row's SHAP value per feature" />
      <ChartData caption="SHAP values per feature" columns={['Feature', 'Mean |SHAP|', 'Lowest', 'Highest', 'Rows']} rows={rows} />
    </figure>
  );
}

/** Partial dependence with ICE lines per top feature, then the SHAP summary. */
export default function EffectsCharts({ effects, target }: { effects: ModelEffects; target: string }) {
  const output = outputName(effects, target);
  return (
    <>
      <p className="muted">
        How {output} changes as one feature changes and the rest of each sampled row stays as it is: the thick line is the
        average, each thin line one row.
      </p>
      <div className="chart-grid">
        {effects.partialDependence.map((c) => (
          <PartialDependenceFigure key={c.feature} curve={c} output={output} />
        ))}
      </div>
      <ShapSummaryFigure summaries={effects.shapSummary} />
      {effects.note && <p className="muted small">{effects.note}</p>}
    </>
  );
}
