import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json } from './client';
import type { Evaluation, EvaluationPage, EvaluationQuote, EvaluationRequest, EvaluationSubmitted } from './types';

const evaluationsKey = (modelId: string) => ['models', modelId, 'evaluations'] as const;

export const isFinished = (e: Pick<Evaluation, 'status'>) => e.status === 'succeeded' || e.status === 'failed' || e.status === 'cancelled';

/** The model's evaluations, newest first; polled while one of them is still queued or running. */
export function useEvaluations(modelId: string) {
  return useQuery({
    queryKey: evaluationsKey(modelId),
    queryFn: () => apiFetch<EvaluationPage>(`/models/${modelId}/evaluations?pageSize=20`),
    refetchInterval: (query) => (query.state.data?.items.some((e) => !isFinished(e)) ? 1000 : false),
  });
}

/** One evaluation with its curves; polled until it ends. */
export function useEvaluation(modelId: string, id: string | undefined) {
  return useQuery({
    queryKey: [...evaluationsKey(modelId), id],
    enabled: !!id,
    queryFn: () => apiFetch<Evaluation>(`/models/${modelId}/evaluations/${id}`),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 1000),
  });
}

/** The price of evaluating on a data set, before paying; a data set without the model's columns answers 422. */
export function useEvaluationQuote(modelId: string, datasetId: string) {
  return useQuery({
    queryKey: [...evaluationsKey(modelId), 'quote', datasetId],
    enabled: !!datasetId,
    retry: false,
    queryFn: () => apiFetch<EvaluationQuote>(`/models/${modelId}/evaluations/quote`, json('POST', { datasetId } satisfies EvaluationRequest)),
  });
}

export function useStartEvaluation(modelId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (datasetId: string) =>
      apiFetch<EvaluationSubmitted>(`/models/${modelId}/evaluations`, json('POST', { datasetId } satisfies EvaluationRequest)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: evaluationsKey(modelId) });
      void client.invalidateQueries({ queryKey: ['credits'] });
      void client.invalidateQueries({ queryKey: ['jobs', 'list'] });
    },
  });
}
