// The parts of API answers that the API passes through as the workers stored them (a data set's column profile, a
import type { CurvePoint, Importance } from '../components/charts/modelCharts';

// model's curves, leaderboard and input columns, a trial's parameters): the OpenAPI document describes them only as
// "any JSON", so their inner shape is typed here, once, on top of the generated types. Everything else comes from
// schema.gen.ts.

export interface HistogramBin {
  lower: number;
  upper: number;
  count: number;
}

export interface CategoryCount {
  value: string;
  count: number;
}

export interface QuantileValue {
  probability: number;
  value: number;
}

export type ColumnType = 'numeric' | 'boolean' | 'categorical' | 'datetime' | 'text' | 'id';

/** One column of a data set's profile, as the ingest worker writes it. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  missing: number;
  distinct: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  quantiles: QuantileValue[];
  topCategories: CategoryCount[];
  histogram: HistogramBin[];
}

/** A trial's hyper-parameters, as the engine reported them. */
export type TrialParams = Record<string, unknown>;

export type PreviewCell = string | number | boolean | null;

export interface ConfusionMatrix {
  labels: string[];
  counts: number[][];
}

/** A model's validation curves; each is null where the task has none. */
export interface ModelCurves {
  roc: CurvePoint[] | null;
  pr: CurvePoint[] | null;
  confusion: ConfusionMatrix | null;
  predictedVsActual: CurvePoint[] | null;
  residuals: CurvePoint[] | null;
}

/** A column the model reads, with the kind of value it expects. */
export interface InputColumn {
  name: string;
  kind: 'numeric' | 'boolean' | 'categorical' | 'datetime' | 'text' | 'identifier';
}

export interface LeaderboardEntry {
  rank: number;
  trial: number;
  learner: string;
  params: TrialParams;
  score: number;
  seconds: number;
  ensembleWeight: number;
}

/** A model's validation metrics by name. */
export type ModelMetrics = Record<string, number>;

export type FeatureImportance = Importance & { share?: number };
