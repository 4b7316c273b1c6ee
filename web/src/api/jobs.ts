import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json, ProblemError } from './client';
import type { Credits, Dataset, DatasetSummaryPage, Job, JobEvent, JobEventPage, JobPage, JobRequest, Quote, TierPricing, TrialPage } from './types';

export type { JobEvent, JobRequest, Quote, TierPricing } from './types';

export type TaskKind = 'binary' | 'multiclass' | 'regression';

export const jobsKey = ['jobs'] as const;
export const jobKey = (id: string) => ['jobs', 'one', id] as const;
export const trialsKey = (id: string) => ['jobs', 'one', id, 'trials'] as const;

/** The metrics the API accepts per task; the first is the engine's default (MetricInfo.Default). */
export const metricsByTask: Record<TaskKind, string[]> = {
  binary: ['auc', 'logloss', 'accuracy', 'f1', 'precision', 'recall'],
  multiclass: ['logloss', 'accuracy', 'macrof1'],
  regression: ['rmse', 'mae', 'r2'],
};

const higherIsBetter = new Set(['auc', 'accuracy', 'f1', 'precision', 'recall', 'macrof1', 'r2']);

/** Whether a larger score is better; null when the metric is not known yet (inferred by the engine). */
export function isHigherBetter(metric: string | null | undefined): boolean | null {
  if (!metric) return null;
  return higherIsBetter.has(metric.replace(/[-_]/g, '').toLowerCase());
}

/** The engine's rule (TaskInference): numeric with more than 20 values is regression, two values binary, else multiclass. */
export function inferTask(dataset: Dataset, target: string): TaskKind | null {
  if (target === dataset.targetSuggestion && dataset.taskSuggestion) return dataset.taskSuggestion as TaskKind;
  const column = dataset.columns?.find((c) => c.name === target);
  if (!column) return null;
  if (column.type === 'numeric' && column.distinct > 20) return 'regression';
  return column.distinct === 2 ? 'binary' : 'multiclass';
}

export function isEnded(status: Job['status']): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}

export function usePricing() {
  return useQuery({ queryKey: ['pricing'], queryFn: () => apiFetch<TierPricing[]>('/pricing'), staleTime: 600_000 });
}

/** The data sets one can train on (ready ones), newest first. */
export function useReadyDatasets() {
  return useQuery({
    queryKey: ['datasets', 'ready-for-training'],
    queryFn: async () => (await apiFetch<DatasetSummaryPage>('/datasets?pageSize=200')).items.filter((d) => d.status === 'ready'),
  });
}

export function useQuote(request: JobRequest | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['jobs', 'quote', request],
    queryFn: async () => {
      const quote = await apiFetch<Quote>('/jobs/quote', json('POST', request));
      // The quote reads the balance too: a different one means the balance chip is out of date.
      if (client.getQueryData<Credits>(['credits'])?.available !== quote.available) void client.invalidateQueries({ queryKey: ['credits'] });
      return quote;
    },
    enabled: request !== null,
    staleTime: 5_000,
    retry: false,
  });
}

export function useSubmitJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: JobRequest; idempotencyKey: string }) => {
      const init = json('POST', request);
      return apiFetch<Job>('/jobs', { ...init, headers: { ...(init.headers as Record<string, string>), 'Idempotency-Key': idempotencyKey } });
    },
    onSuccess: (job) => {
      client.setQueryData(jobKey(job.id), job);
      void client.invalidateQueries({ queryKey: jobsKey, exact: false, refetchType: 'none' });
      void client.invalidateQueries({ queryKey: ['credits'] });
    },
    onError: (error) => {
      if (error instanceof ProblemError && error.status === 402) void client.invalidateQueries({ queryKey: ['credits'] });
    },
  });
}

/** The job list, newest first, one keyset page at a time. */
export function useJobs(pageSize = 25) {
  return useInfiniteQuery({
    queryKey: ['jobs', 'list', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiFetch<JobPage>(`/jobs?pageSize=${pageSize}` + (pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : '')),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One job; nothing is fetched until there is an id (a form with none chosen yet). */
export function useJob(id: string) {
  return useQuery({ queryKey: jobKey(id), queryFn: () => apiFetch<Job>(`/jobs/${id}`), enabled: id !== '' });
}

export function useTrials(id: string) {
  return useQuery({
    queryKey: trialsKey(id),
    queryFn: async () => (await apiFetch<TrialPage>(`/jobs/${id}/trials`)).items,
  });
}

/** Every stored event of the job after `after`, oldest first (the API answers at most 1,000 per call). */
export async function fetchJobEvents(id: string, after: number): Promise<JobEvent[]> {
  const all: JobEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await apiFetch<JobEventPage>(`/jobs/${id}/events?after=${cursor}`);
    all.push(...page.items);
    if (page.items.length < 1000) return all;
    cursor = page.items[page.items.length - 1].seq;
  }
}

export function useCancelJob(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<Job>(`/jobs/${id}/cancel`, { method: 'POST' }),
    onSuccess: (job) => {
      client.setQueryData(jobKey(id), job);
      void client.invalidateQueries({ queryKey: ['credits'] });
    },
  });
}

/** A fresh Idempotency-Key; randomUUID needs a secure context, so plain-http deployments get a random string instead. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
