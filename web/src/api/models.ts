import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiFetch, json, ProblemError, requestHeaders, toProblem, API_BASE } from './client';
import { jobKey } from './jobs';
import type {
  BatchPredictionRequest, ColumnProfile, Dataset, DatasetPreview, InputColumn, Job, ModelEffects, ModelView, PreviewCell, Prediction, PredictRequest, PredictResponse,
  ThresholdRequest,
} from './types';

/** GET /models/{id}. */
export type ModelDetail = ModelView;

export type { InputColumn, Prediction };

/** A value of a row to predict: what a data set preview cell can be. */
export type CellValue = PreviewCell;

/** What the prediction form reads from a data set column's profile to suggest values. */
export type ColumnHints = Pick<ColumnProfile, 'name'> & Partial<Pick<ColumnProfile, 'mean' | 'quantiles' | 'topCategories'>>;

export const modelKey = (id: string) => ['models', id] as const;

export function useModel(id: string) {
  return useQuery({ queryKey: modelKey(id), queryFn: () => apiFetch<ModelDetail>(`/models/${id}`), staleTime: 300_000 });
}

/** The model's feature effects (from its bundle); a model trained before them answers 409. */
export function useModelEffects(id: string) {
  return useQuery({
    queryKey: [...modelKey(id), 'effects'],
    queryFn: () => apiFetch<ModelEffects>(`/models/${id}/effects`),
    staleTime: Infinity,
    retry: false,
  });
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
        return Object.fromEntries(preview.columns.map((c, i) => [c, row[i] ?? null]));
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
        apiFetch<PredictResponse>(`/models/${model.id}/predict`, json('POST', { rows: [row], explain } satisfies PredictRequest));
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
    mutationFn: (datasetId: string) => apiFetch<Job>(`/models/${modelId}/predictions`, json('POST', { datasetId } satisfies BatchPredictionRequest)),
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

/** PUT /models/{id}/threshold: a value, or an objective the API searches the stored counts for; the answer is the model. */
export function useSetThreshold(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ThresholdRequest) => apiFetch<ModelDetail>(`/models/${id}/threshold`, json('PUT', request)),
    onSuccess: (model) => client.setQueryData(modelKey(id), model),
  });
}

/** DELETE /models/{id}/threshold: back to the default 0.5. */
export function useClearThreshold(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ModelDetail>(`/models/${id}/threshold`, { method: 'DELETE' }),
    onSuccess: (model) => client.setQueryData(modelKey(id), model),
  });
}
