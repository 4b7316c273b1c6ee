import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import type { ModelSummary, ModelSummaryPage, Schemas } from './types';

/** GET /models: one row of the Models page. */
export type ModelListItem = ModelSummary;

export type ModelSort = 'created' | 'score' | 'size';

export interface ModelFilters {
  task: string;
  q: string;
  sort: ModelSort;
  order: 'asc' | 'desc';
}

/** One model of GET /models/compare. */
export type ComparedModel = Schemas['ComparedModel'];

export type ModelComparison = Schemas['ModelComparison'];

const listKey = ['models', 'list'] as const;

export function useModelList(filters: ModelFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...listKey, filters, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ sort: filters.sort, order: filters.order, pageSize: String(pageSize) });
      if (filters.task) query.set('task', filters.task);
      if (filters.q.trim()) query.set('q', filters.q.trim());
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<ModelSummaryPage>(`/models?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    // A new sort or filter keeps the current rows on screen until the new ones arrive, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useModelComparison(ids: string[]) {
  return useQuery({
    queryKey: ['models', 'compare', ids],
    enabled: ids.length > 0,
    staleTime: 300_000,
    queryFn: () => apiFetch<ModelComparison>(`/models/compare?ids=${ids.map(encodeURIComponent).join(',')}`),
  });
}

export function useDeleteModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/models/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: listKey }),
  });
}
