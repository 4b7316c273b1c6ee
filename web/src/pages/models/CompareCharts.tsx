import { useMemo } from 'react';
import type { ComparedModel } from '../../api/modelCatalog';
import EChart from '../../components/EChart';
import { overlayCurvesOption, overlayScatterOption, type NamedCurve } from '../../components/charts/modelCharts';
import { distinctNames } from './modelFormat';

type CurveKind = 'roc' | 'pr' | 'residuals' | 'predictedVsActual';

const captions: Record<CurveKind, string> = {
  roc: 'ROC curves',
  pr: 'Precision-recall curves',
  residuals: 'Residuals',
  predictedVsActual: 'Predicted vs actual',
};

/** Each kind of curve the models have, overlaid in one chart; a model without it (another task) is left out of that chart. */
export default function CompareCharts({ models }: { models: ComparedModel[] }) {
  const charts = useMemo(() => {
    const kinds: CurveKind[] = ['roc', 'pr', 'residuals', 'predictedVsActual'];
    const names = distinctNames(models.map((m) => m.summary));
    return kinds
      .map((kind) => {
        const curves: NamedCurve[] = models
          .map((m, i) => ({ name: names[i], points: m.curves[kind] ?? [] }))
          .filter((c) => c.points.length > 0);
        if (curves.length === 0) return null;
        const option = kind === 'roc' || kind === 'pr' ? overlayCurvesOption(curves, kind) : overlayScatterOption(curves, kind);
        return { kind, curves, option };
      })
      .filter((c) => c !== null);
  }, [models]);

  if (charts.length === 0) return <p className="muted">These models have no curves to overlay (a multiclass model reports its confusion matrix on its own page).</p>;
  return (
    <div className="chart-grid">
      {charts.map(({ kind, curves, option }) => (
        <figure className="card" key={kind}>
          <figcaption>{captions[kind]}</figcaption>
          <EChart option={option} height={320} testId={`compare-${kind}`} ariaLabel={`${captions[kind]} of ${curves.map((c) => c.name).join(', ')}`} />
        </figure>
      ))}
    </div>
  );
}
