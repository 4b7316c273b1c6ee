// Registered models: named, versioned models with aliases and the history of every alias move.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json } from './client';
import type {
  AddVersionRequest, AliasMovePage, AliasView, CreateRegisteredModelRequest, ModelVersion, ModelVersionPage, MoveAliasRequest,
  RegisteredModel, RegisteredModelPage,
} from './types';

export type { AliasMove, ModelVersion, RegisteredModel } from './types';

/** The alias the platform keeps: what an alias held before its last move. */
export const PREVIOUS = 'previous';

const registryKey = ['registered-models'] as const;
const listKey = [...registryKey, 'list'] as const;
export const registeredModelKey = (name: string) => [...registryKey, 'one', name] as const;

const path = (name: string) => `/registered-models/${encodeURIComponent(name)}`;

export function useRegisteredModels(q = '', pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...listKey, q, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: String(pageSize) });
      if (q.trim()) query.set('q', q.trim());
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<RegisteredModelPage>(`/registered-models?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every registered model's name and task, for the selects of the training and endpoint forms. */
export function useRegisteredModelChoices() {
  return useQuery({
    queryKey: [...listKey, 'choices'],
    queryFn: async () => (await apiFetch<RegisteredModelPage>('/registered-models?pageSize=200')).items,
  });
}

export function useRegisteredModel(name: string) {
  return useQuery({ queryKey: registeredModelKey(name), enabled: name !== '', queryFn: () => apiFetch<RegisteredModel>(path(name)) });
}

export function useModelVersions(name: string, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...registeredModelKey(name), 'versions', pageSize],
    enabled: name !== '',
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<ModelVersionPage>(`${path(name)}/versions?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAliasHistory(name: string, alias: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...registeredModelKey(name), 'history', alias, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<AliasMovePage>(`${path(name)}/aliases/${encodeURIComponent(alias)}/history?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCreateRegisteredModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateRegisteredModelRequest) => apiFetch<RegisteredModel>('/registered-models', json('POST', request)),
    onSuccess: () => client.invalidateQueries({ queryKey: listKey }),
  });
}

/** Everything about one registered model is stale after a change to it (versions, aliases, history, the list). */
function useInvalidateRegistered(name: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: registeredModelKey(name) }),
      client.invalidateQueries({ queryKey: listKey }),
      client.invalidateQueries({ queryKey: ['endpoints'] }),
    ]);
}

export function useAddVersion(name: string) {
  const invalidate = useInvalidateRegistered(name);
  return useMutation({
    mutationFn: (request: AddVersionRequest) => apiFetch<ModelVersion>(`${path(name)}/versions`, json('POST', request)),
    onSuccess: invalidate,
  });
}

export function useMoveAlias(name: string) {
  const invalidate = useInvalidateRegistered(name);
  return useMutation({
    mutationFn: ({ alias, ...request }: MoveAliasRequest & { alias: string }) =>
      apiFetch<AliasView>(`${path(name)}/aliases/${encodeURIComponent(alias)}`, json('PUT', request)),
    onSuccess: invalidate,
  });
}
