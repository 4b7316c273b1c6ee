import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiFetch, json } from './client';
import type {
  CreatedSample, Dataset, DatasetAssociations, DatasetChecks, DatasetPreview, DatasetStatus, DatasetSummaryPage, DatasetVersionPage, SampleDataset, StorageUsage,
} from './types';
import { uploadDataset, uploadVersion, type Progress } from './upload';

const datasetsKey = ['datasets'] as const;
const POLL_MS = 1500;

export const settling = (s: DatasetStatus) => s === 'uploading' || s === 'ingesting';

/** The data set list, newest first, polled while any listed data set is still being ingested. */
export function useDatasets(pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...datasetsKey, 'list', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiFetch<DatasetSummaryPage>(`/datasets?pageSize=${pageSize}` + (pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : '')),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((d) => settling(d.status))) ? POLL_MS : false,
  });
}

/** One data set, polled while it settles; nothing is fetched until there is an id (a form with none chosen yet). */
export function useDataset(id: string | undefined) {
  return useQuery({
    queryKey: [...datasetsKey, id],
    queryFn: () => apiFetch<Dataset>(`/datasets/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && settling(query.state.data.status) ? POLL_MS : false),
  });
}

/** The data checks for a target (the columns' own and the target's), for the Train page before anyone pays. */
export function useDatasetChecks(id: string | undefined, target: string, task: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...datasetsKey, id, 'checks', target, task],
    queryFn: () =>
      apiFetch<DatasetChecks>(
        `/datasets/${id}/checks?target=${encodeURIComponent(target)}` + (task ? `&task=${encodeURIComponent(task)}` : ''),
      ),
    enabled: enabled && !!id && !!target,
    // A data set's rows never change (a new upload is a new version), so neither do its checks.
    staleTime: Infinity,
    retry: false,
  });
}

/** The associations among the top columns, measured by the ingest; a data set ingested before them answers 409. */
export function useDatasetAssociations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...datasetsKey, id, 'associations'],
    queryFn: () => apiFetch<DatasetAssociations>(`/datasets/${id}/associations`),
    enabled,
    // A data set never changes (a new upload is a new version), so neither do its associations.
    staleTime: Infinity,
    retry: false,
  });
}

export function useDatasetPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...datasetsKey, id, 'preview'],
    queryFn: () => apiFetch<DatasetPreview>(`/datasets/${id}/preview?rows=20`),
    enabled,
  });
}

const usageQuery = { queryKey: [...datasetsKey, 'usage'], queryFn: () => apiFetch<StorageUsage>('/datasets/usage') };

/** Storage used and left, and the largest file the tier takes. */
export function useStorageUsage() {
  return useQuery(usageQuery);
}

/** The usage as it is now, for a check that must not rely on a stale copy (an upload about to start). */
export function useFreshStorageUsage() {
  const client = useQueryClient();
  return () => client.fetchQuery({ ...usageQuery, staleTime: 0 });
}

/** What an upload mutation takes: the file, what cancels it, and what hears its progress. */
export interface UploadVariables {
  file: File;
  signal: AbortSignal;
  onProgress: Progress;
}

export function useUploadDataset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, signal, onProgress }: UploadVariables) => uploadDataset(file, onProgress, signal),
    onSettled: () => client.invalidateQueries({ queryKey: datasetsKey }),
  });
}

/** Uploads the next version of the data set `id` (any of its versions' ids); every data set query is stale after it. */
export function useUploadVersion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, signal, onProgress }: UploadVariables) => uploadVersion(id, file, onProgress, signal),
    onSettled: () => client.invalidateQueries({ queryKey: datasetsKey }),
  });
}

/**
 * The versions of the data set `id` names (any version's id), newest first, each with its schema changes; polled while
 * one of them is still being uploaded or ingested. Nothing is fetched without an id.
 */
export function useDatasetVersions(id: string | undefined, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...datasetsKey, id, 'versions', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiFetch<DatasetVersionPage>(`/datasets/${id}/versions?pageSize=${pageSize}` + (pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : '')),
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!id,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((v) => settling(v.status))) ? POLL_MS : false,
  });
}

/**
 * Once a new version has settled (ready or failed), the lists that show it — the versions table, the data sets list —
 * are read again at once rather than on their next poll, so the page never shows the version twice in two states.
 */
export function useRefreshWhenSettled(status: DatasetStatus | undefined) {
  const client = useQueryClient();
  const settled = status !== undefined && !settling(status);
  useEffect(() => {
    if (settled) void client.invalidateQueries({ queryKey: datasetsKey });
  }, [settled, client]);
}

export function useSamples() {
  return useQuery({ queryKey: ['samples'], queryFn: () => apiFetch<SampleDataset[]>('/datasets/samples'), staleTime: Infinity });
}

/** Copies a sample into the account; the answer names the target to train on. */
export function useCreateSample() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<CreatedSample>(`/datasets/samples/${encodeURIComponent(name)}`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: datasetsKey }),
  });
}

export function useRenameDataset(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<Dataset>(`/datasets/${id}`, json('PATCH', { name })),
    onSuccess: (dataset) => {
      client.setQueryData([...datasetsKey, id], dataset);
      return client.invalidateQueries({ queryKey: [...datasetsKey, 'list'] });
    },
  });
}

export function useDeleteDataset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/datasets/${id}`, { method: 'DELETE' }),
    // The deleted data set's own queries are left to expire: refetching them now would only answer 404.
    onSuccess: () => client.invalidateQueries({ queryKey: [...datasetsKey, 'list'] }),
  });
}
