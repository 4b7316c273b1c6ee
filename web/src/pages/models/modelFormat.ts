// Names and formats of the model page.

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
