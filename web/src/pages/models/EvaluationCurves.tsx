import { useMemo } from 'react';
import type { ModelCurves } from '../../api/types';
import ChartData from '../../components/ChartData';
import EChart from '../../components/EChart';
import { confusionOption, predictedVsActualOption, prOption, residualsOption, rocOption } from '../../components/charts/modelCharts';
import { formatScore } from '../jobs/jobFormat';

/** An evaluation's curves on the user's rows, drawn as the model's validation curves are, each with its numbers. */
export default function EvaluationCurves({ curves, target }: { curves: ModelCurves; target: string }) {
  const { roc, pr, confusion, predictedVsActual, residuals } = curves;
  const options = useMemo(
    () => ({
      roc: roc?.length ? rocOption(roc) : null,
      pr: pr?.length ? prOption(pr) : null,
      confusion: confusion ? confusionOption(confusion.labels, confusion.counts) : null,
      predictedVsActual: predictedVsActual?.length ? predictedVsActualOption(predictedVsActual, target) : null,
      residuals: residuals?.length ? residualsOption(residuals) : null,
    }),
    [roc, pr, confusion, predictedVsActual, residuals, target],
  );
  // Points are numbered: two points of a curve may share an x.
  const numbered = (points: { x: number; y: number; threshold?: number | null }[]) =>
    points.map((p, i) => [i + 1, formatScore(p.x), formatScore(p.y), p.threshold === null || p.threshold === undefined ? '—' : formatScore(p.threshold)]);
  const pairs = (points: { x: number; y: number }[]) => points.map((p, i) => [i + 1, formatScore(p.x), formatScore(p.y)]);
  return (
    <div className="chart-grid">
      {options.roc && roc && (
        <figure className="card">
          <figcaption>ROC curve (your rows)</figcaption>
          <EChart option={options.roc} testId="evaluation-roc" ariaLabel="ROC curve on your rows: true positive rate against false positive rate" />
          <ChartData caption="ROC curve on your rows" columns={['Point', 'False positive rate', 'True positive rate', 'Threshold']} rows={numbered(roc)} />
        </figure>
      )}
      {options.pr && pr && (
        <figure className="card">
          <figcaption>Precision-recall curve (your rows)</figcaption>
          <EChart option={options.pr} testId="evaluation-pr" ariaLabel="Precision against recall on your rows" />
          <ChartData caption="Precision-recall curve on your rows" columns={['Point', 'Recall', 'Precision', 'Threshold']} rows={numbered(pr)} />
        </figure>
      )}
      {options.confusion && confusion && (
        <figure className="card">
          <figcaption>Confusion matrix (your rows)</figcaption>
          <EChart
            option={options.confusion}
            height={Math.max(260, Math.min(560, confusion.labels.length * 36 + 120))}
            testId="evaluation-confusion"
            ariaLabel="Confusion matrix on your rows: actual classes against predicted classes"
          />
          <ChartData
            caption="Confusion matrix on your rows: actual (rows) against predicted (columns)"
            columns={['Actual', ...confusion.labels.map((l) => `Predicted ${l}`)]}
            rows={confusion.labels.map((label, i) => [label, ...confusion.counts[i]])}
          />
        </figure>
      )}
      {options.predictedVsActual && predictedVsActual && (
        <figure className="card">
          <figcaption>Predicted vs actual (your rows)</figcaption>
          <EChart option={options.predictedVsActual} testId="evaluation-pred-vs-actual" ariaLabel="Predicted values against actual values on your rows" />
          <ChartData caption="Predicted against actual on your rows" columns={['Point', 'Actual', 'Predicted']} rows={pairs(predictedVsActual)} />
        </figure>
      )}
      {options.residuals && residuals && (
        <figure className="card">
          <figcaption>Residuals (your rows)</figcaption>
          <EChart option={options.residuals} testId="evaluation-residuals" ariaLabel="Residuals against predicted values on your rows" />
          <ChartData caption="Residuals on your rows" columns={['Point', 'Predicted', 'Residual']} rows={pairs(residuals)} />
        </figure>
      )}
    </div>
  );
}
