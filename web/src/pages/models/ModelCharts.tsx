import { useMemo } from 'react';
import type { ModelDetail } from '../../api/models';
import EChart from '../../components/EChart';
import {
  confusionOption, importanceHeight, importanceOption, predictedVsActualOption, prOption, residualsOption, rocOption,
} from '../../components/charts/modelCharts';

/** The evaluation charts the task has: ROC, precision-recall and confusion, or predicted-vs-actual and residuals. */
export function EvaluationCharts({ model }: { model: ModelDetail }) {
  const { roc, pr, confusion, predictedVsActual, residuals } = model.curves;
  const options = useMemo(
    () => ({
      roc: roc && rocOption(roc),
      pr: pr && prOption(pr),
      confusion: confusion && confusionOption(confusion.labels, confusion.counts),
      predictedVsActual: predictedVsActual && predictedVsActualOption(predictedVsActual, model.target),
      residuals: residuals && residualsOption(residuals),
    }),
    [roc, pr, confusion, predictedVsActual, residuals, model.target],
  );
  const confusionHeight = confusion ? Math.max(260, Math.min(560, confusion.labels.length * 36 + 120)) : 0;
  return (
    <div className="chart-grid">
      {options.roc && (
        <figure className="card">
          <figcaption>ROC curve{model.metrics.auc !== undefined ? ` (AUC ${model.metrics.auc.toFixed(3)})` : ''}</figcaption>
          <EChart option={options.roc} testId="chart-roc" ariaLabel="ROC curve: true positive rate against false positive rate" />
        </figure>
      )}
      {options.pr && (
        <figure className="card">
          <figcaption>Precision-recall curve</figcaption>
          <EChart option={options.pr} testId="chart-pr" ariaLabel="Precision against recall" />
        </figure>
      )}
      {options.confusion && (
        <figure className="card">
          <figcaption>Confusion matrix (validation rows)</figcaption>
          <EChart option={options.confusion} height={confusionHeight} testId="chart-confusion" ariaLabel="Confusion matrix: actual classes against predicted classes" />
        </figure>
      )}
      {options.predictedVsActual && (
        <figure className="card">
          <figcaption>Predicted vs actual (validation rows)</figcaption>
          <EChart option={options.predictedVsActual} testId="chart-pred-vs-actual" ariaLabel="Predicted values against actual values" />
        </figure>
      )}
      {options.residuals && (
        <figure className="card">
          <figcaption>Residuals</figcaption>
          <EChart option={options.residuals} testId="chart-residuals" ariaLabel="Residuals against predicted values" />
        </figure>
      )}
    </div>
  );
}

export function ImportanceChart({ model }: { model: ModelDetail }) {
  const items = model.featureImportance;
  const option = useMemo(() => importanceOption(items), [items]);
  if (items.length === 0) return <p className="muted">This model reports no feature importance: it has no tree members to measure SHAP values on.</p>;
  return (
    <figure className="card">
      <figcaption>Feature importance (mean |SHAP| on validation rows, top {Math.min(20, items.length)})</figcaption>
      <EChart option={option} height={importanceHeight(items.length)} testId="chart-importance" ariaLabel="Feature importance bars" />
    </figure>
  );
}
