import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json } from './client';
import type { ApiKeyPage, ApiKeyScope, CreatedApiKey } from './types';

const keysKey = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: keysKey, queryFn: () => apiFetch<ApiKeyPage>('/api-keys') });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, scope }: { name: string; scope: ApiKeyScope }) =>
      apiFetch<CreatedApiKey>('/api-keys', json('POST', { name, scope })),
    onSuccess: () => client.invalidateQueries({ queryKey: keysKey }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api-keys/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keysKey }),
  });
}
