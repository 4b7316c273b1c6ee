import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiFetch, ProblemError } from './client';
import type { PlatformAlertPage, Reconciliation } from './types';

export type AlertStatus = 'open' | 'cleared' | 'all';

/** GET /admin/alerts: the platform's alerts, newest first; a minute's evaluation may open or clear one, so it is read again each minute. */
export function usePlatformAlerts(status: AlertStatus, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['admin', 'alerts', status, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ status, pageSize: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<PlatformAlertPage>(`/admin/alerts?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
  });
}

/** GET /admin/reconciliation: null before the first run (the API's 404). */
export function useReconciliation() {
  return useQuery({
    queryKey: ['admin', 'reconciliation'],
    queryFn: async () => {
      try {
        return await apiFetch<Reconciliation>('/admin/reconciliation');
      } catch (e) {
        if (e instanceof ProblemError && e.status === 404) return null;
        throw e;
      }
    },
  });
}
