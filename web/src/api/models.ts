import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiFetch, json, ProblemError, requestHeaders, toProblem, API_BASE } from './client';
import { jobKey } from './jobs';
import type { Dataset, DatasetPreview, Job } from './types';
import type { CurvePoint, Importance } from '../components/charts/modelCharts';

export interface ConfusionMatrix {
  labels: string[];
  counts: number[][];
}

export interface ModelCurves {
  roc: CurvePoint[] | null;
  pr: CurvePoint[] | null;
  confusion: ConfusionMatrix | null;
  predictedVsActual: CurvePoint[] | null;
  residuals: CurvePoint[] | null;
}

export interface InputColumn {
  name: string;
  kind: 'numeric' | 'boolean' | 'categorical' | 'datetime' | 'text' | 'identifier';
}

export interface LeaderboardEntry {
  rank: number;
  trial: number;
  learner: string;
  params: Record<string, unknown>;
  score: number;
  seconds: number;
  ensembleWeight: number;
}

/** A trial the model's prediction blends; the weights add up to 1. */
export interface EnsembleMember {
  trial: number;
  learner: string;
  weight: number;
  validationScore: number;
}

/** GET /models/{id} with its JSON parts typed (the API passes them through as the worker stored them). */
export interface ModelDetail {
  id: string;
  jobId: string;
  datasetId: string;
  task: 'binary' | 'multiclass' | 'regression';
  target: string;
  metric: string;
  score: number;
  metrics: Record<string, number>;
  classes: string[] | null;
  featureImportance: (Importance & { share?: number })[];
  curves: ModelCurves;
  leaderboard: LeaderboardEntry[];
  inputColumns: InputColumn[];
  bundleBytes: number;
  createdAt: string;
  ensemble: EnsembleMember[];
}

export type CellValue = string | number | boolean | null;

/** What the prediction form reads from a data set column's profile to suggest values. */
export interface ColumnHints {
  name: string;
  mean?: number | null;
  quantiles?: { probability: number; value: number }[] | null;
  topCategories?: { value: string; count: number }[] | null;
}

export interface Prediction {
  label: string | null;
  value: number | null;
  probabilities: Record<string, number> | null;
  contributions: Record<string, number> | null;
  expectedValue: number | null;
}

export const modelKey = (id: string) => ['models', id] as const;

export function useModel(id: string) {
  return useQuery({ queryKey: modelKey(id), queryFn: () => apiFetch<ModelDetail>(`/models/${id}`), staleTime: 300_000 });
}

/** Loads a model ahead of its page (the job page does it once training succeeded). */
export function prefetchModel(client: QueryClient, id: string) {
  return client.prefetchQuery({ queryKey: modelKey(id), queryFn: () => apiFetch<ModelDetail>(`/models/${id}`), staleTime: 300_000 });
}

/** The first row of the training data set, to prefill the prediction form; null when the data set is gone. */
export function useFirstRow(datasetId: string | undefined) {
  return useQuery({
    queryKey: ['datasets', 'first-row', datasetId],
    enabled: !!datasetId,
    staleTime: 300_000,
    queryFn: async () => {
      try {
        const preview = await apiFetch<DatasetPreview>(`/datasets/${datasetId}/preview?rows=1`);
        const row = preview.rows[0] ?? [];
        return Object.fromEntries(preview.columns.map((c, i) => [c, row[i] ?? null])) as Record<string, CellValue>;
      } catch (e) {
        if (e instanceof ProblemError && (e.status === 404 || e.status === 409)) return null;
        throw e;
      }
    },
  });
}

/**
 * Predicts one row, with SHAP values when the model can give them. Feature importance is mean |SHAP| over tree
 * members, so a model without it cannot explain (the API would answer 422); a 422 still falls back to no explain.
 */
export function usePredictRow(model: ModelDetail) {
  const canExplain = model.featureImportance.length > 0;
  return useMutation({
    mutationFn: async (row: Record<string, CellValue>): Promise<{ prediction: Prediction; explained: boolean; creditsCharged: number }> => {
      const ask = (explain: boolean) =>
        apiFetch<{ predictions: Prediction[]; creditsCharged: number }>(`/models/${model.id}/predict`, json('POST', { rows: [row], explain }));
      if (canExplain) {
        try {
          const answer = await ask(true);
          return { prediction: answer.predictions[0], explained: true, creditsCharged: answer.creditsCharged };
        } catch (e) {
          // A refused explanation is not charged: the plain prediction is the only one paid for.
          if (!(e instanceof ProblemError && e.status === 422)) throw e;
        }
      }
      const answer = await ask(false);
      return { prediction: answer.predictions[0], explained: false, creditsCharged: answer.creditsCharged };
    },
  });
}

export function useBatchPrediction(modelId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (datasetId: string) => apiFetch<Job>(`/models/${modelId}/predictions`, json('POST', { datasetId })),
    onSuccess: (job) => {
      client.setQueryData(jobKey(job.id), job);
      void client.invalidateQueries({ queryKey: ['credits'] });
      void client.invalidateQueries({ queryKey: ['jobs', 'list'] });
    },
  });
}

/** Follows a job by polling until it ends (the batch panel's small status line). */
export function useFollowedJob(id: string | undefined) {
  return useQuery({
    queryKey: jobKey(id ?? ''),
    enabled: !!id,
    queryFn: () => apiFetch<Job>(`/jobs/${id}`),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' || status === 'cancelled' ? false : 1000;
    },
  });
}

/** Uploads a file as a new data set (multipart, the API's one-request path) and waits until it is ready. */
export async function uploadAndWait(file: File, onStatus: (status: string) => void): Promise<Dataset> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(`${API_BASE}/datasets`, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: await requestHeaders('POST', { accept: 'application/json, application/problem+json' }),
  });
  if (!response.ok) throw await toProblem(response);
  let dataset = (await response.json()) as Dataset;
  const deadline = Date.now() + 10 * 60_000;
  while (dataset.status !== 'ready') {
    if (dataset.status === 'failed') throw new ProblemError(422, 'The file could not be read', dataset.error ?? 'Ingestion failed.');
    if (Date.now() > deadline) throw new ProblemError(0, 'Still ingesting', 'The data set is still being read; pick it from the list once it is ready.');
    onStatus(dataset.status);
    await new Promise((r) => setTimeout(r, 1000));
    dataset = await apiFetch<Dataset>(`/datasets/${dataset.id}`);
  }
  return dataset;
}
