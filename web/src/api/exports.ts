import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import type { DataExport, DataExportPage } from './types';

const POLL_MS = 2000;
const exportsKey = ['me', 'exports'];

const inProgress = (e: DataExport) => e.status === 'queued' || e.status === 'running';

/** GET /me/exports: the newest few, polled while one is being written. */
export function useExports() {
  return useQuery({
    queryKey: exportsKey,
    queryFn: () => apiFetch<DataExportPage>('/me/exports?pageSize=5'),
    refetchInterval: (query) => (query.state.data?.items.some(inProgress) ? POLL_MS : false),
  });
}

export function useRequestExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<DataExport>('/me/export', { method: 'POST' }),
    // The request is a security event too: the list below it shows it at once.
    onSettled: () => Promise.all([exportsKey, ['me', 'security-events']].map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
