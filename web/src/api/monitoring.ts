// An endpoint's monitoring: how far the rows it is sent are from its training data, and the alerts that raised.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json } from './client';
import { endpointKey } from './endpoints';
import type { EndpointAlertPage, Monitoring, UpdateMonitoringRequest } from './types';

export type { EndpointAlert, FeatureBaseline, FeatureWindow, Monitoring, MonitorWindow, Threshold } from './types';

const path = (name: string) => `/endpoints/${encodeURIComponent(name)}/monitoring`;
const monitoringKey = (name: string) => [...endpointKey(name), 'monitoring'] as const;
const alertsKey = (name: string) => [...endpointKey(name), 'alerts'] as const;

/** The baselines and the latest windows (oldest first); windows are judged hourly, so it is read again now and then. */
export function useMonitoring(name: string, windows = 30) {
  return useQuery({
    queryKey: [...monitoringKey(name), windows],
    queryFn: () => apiFetch<Monitoring>(`${path(name)}?windows=${windows}`),
    refetchInterval: 60_000,
  });
}

/** Sets the window length and the per-feature thresholds (an empty object puts every feature back on the defaults). */
export function useUpdateMonitoring(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateMonitoringRequest) => apiFetch<Monitoring>(path(name), json('PATCH', request)),
    onSuccess: () => client.invalidateQueries({ queryKey: monitoringKey(name) }),
  });
}

/** The endpoint's alerts, newest first. */
export function useEndpointAlerts(name: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...alertsKey(name), pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ endpoint: name, pageSize: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<EndpointAlertPage>(`/alerts?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 30_000,
  });
}
