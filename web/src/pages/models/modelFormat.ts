// Names and formats of the model page.
import { shortId } from '../jobs/jobFormat';

const metricNames: Record<string, string> = {
  auc: 'AUC',
  logLoss: 'Log loss',
  logloss: 'Log loss',
  accuracy: 'Accuracy',
  f1: 'F1',
  precision: 'Precision',
  recall: 'Recall',
  macroF1: 'Macro F1',
  macrof1: 'Macro F1',
  rmse: 'RMSE',
  mae: 'MAE',
  r2: 'R²',
};

export function metricName(key: string): string {
  return metricNames[key] ?? key;
}

export const taskNames: Record<string, string> = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Names for models shown together: "target (short id)". */
export function distinctNames(models: { id: string; target: string }[]): string[] {
  return models.map((m) => `${m.target} (${shortId(m.id)})`);
}
