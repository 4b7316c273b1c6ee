// Serving endpoints: a name bound to a registered model's alias, its predictions, logs and traffic.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json } from './client';
import type {
  CreateEndpointRequest, EndpointPredictResponse, EndpointStats, PredictionLogPage, PredictRequest, ServingEndpoint, ServingEndpointPage,
} from './types';

export type { Challenger, ChallengerMode, EndpointHour, EndpointPredictResponse, EndpointStats, PredictionLog, ServingEndpoint } from './types';

const endpointsKey = ['endpoints'] as const;
const listKey = [...endpointsKey, 'list'] as const;
export const endpointKey = (name: string) => [...endpointsKey, 'one', name] as const;

const path = (name: string) => `/endpoints/${encodeURIComponent(name)}`;

export function useEndpoints(pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...listKey, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<ServingEndpointPage>(`/endpoints?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useEndpoint(name: string) {
  return useQuery({ queryKey: endpointKey(name), queryFn: () => apiFetch<ServingEndpoint>(path(name)) });
}

/** Requests, latency and the version split over the last hours; refreshed while the page is open. */
export function useEndpointStats(name: string, hours = 24) {
  return useQuery({
    queryKey: [...endpointKey(name), 'stats', hours],
    queryFn: () => apiFetch<EndpointStats>(`${path(name)}/stats?hours=${hours}`),
    refetchInterval: 15_000,
  });
}

/** The logged requests, newest first (served answers and shadow ones). */
export function useEndpointLogs(name: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...endpointKey(name), 'logs', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<PredictionLogPage>(`${path(name)}/logs?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 15_000,
  });
}

export function useCreateEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateEndpointRequest) => apiFetch<ServingEndpoint>('/endpoints', json('POST', request)),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: listKey }), client.invalidateQueries({ queryKey: ['registered-models'] })]),
  });
}

/** One row through the endpoint; its log and stats are written off the request's path, so they are refreshed after. */
export function useEndpointPredict(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (row: Record<string, unknown>) =>
      apiFetch<EndpointPredictResponse>(`${path(name)}/predict`, json('POST', { rows: [row], explain: false } satisfies PredictRequest)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['credits'] });
      void client.invalidateQueries({ queryKey: endpointKey(name) });
    },
  });
}
