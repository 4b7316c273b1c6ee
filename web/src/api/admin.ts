// The admin console's calls (/api/v1/admin/…): the API refuses them with 403 unless the session has the admin role.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json } from './client';
import type {
  AdClaimPage,
  AdClaimStatus,
  AdminLedger,
  AdminUser,
  CreditAdjustmentRequest,
  SecurityEventPage,
  Tier,
} from './types';

export const adminKey = ['admin'] as const;
const userKey = (id: string) => [...adminKey, 'users', id] as const;

const withCursor = (path: string, params: Record<string, string>, cursor: string | null) => {
  const query = new URLSearchParams(params);
  if (cursor) query.set('cursor', cursor);
  return `${path}?${query}`;
};

/** An account by its exact email address (the API's lookup); null before anything is asked. */
export function useFindUser(email: string | null) {
  return useQuery({
    queryKey: [...adminKey, 'find', email],
    queryFn: () => apiFetch<AdminUser>(`/admin/users?${new URLSearchParams({ email: email! })}`),
    enabled: !!email,
    retry: false,
  });
}

/** A user's ledger, newest first; each page also carries the user's account as it is now. */
export function useUserLedger(id: string, pageSize = 25) {
  return useInfiniteQuery({
    queryKey: [...userKey(id), 'ledger', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiFetch<AdminLedger>(withCursor(`/admin/users/${id}/ledger`, { pageSize: String(pageSize) }, pageParam)),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The audit trail's rows about one account, newest first. */
export function useUserAudit(id: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...userKey(id), 'audit', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiFetch<SecurityEventPage>(withCursor('/admin/audit', { userId: id, pageSize: String(pageSize) }, pageParam)),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** A grant (positive) or a take-back (negative); one idempotency key per submitted form, so a retried request counts once. */
export function useAdjustCredits(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ request, key }: { request: CreditAdjustmentRequest; key: string }) =>
      apiFetch<AdminUser>(`/admin/users/${id}/credits`, { ...json('POST', request), headers: { 'content-type': 'application/json', 'Idempotency-Key': key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKey(id) }),
  });
}

export function useAdClaims(status: AdClaimStatus) {
  return useQuery({
    queryKey: [...adminKey, 'ad-claims', status],
    queryFn: () => apiFetch<AdClaimPage>(`/admin/ad-claims?${new URLSearchParams({ status, pageSize: '100' })}`),
  });
}

export function useReviewAdClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: string; approve: boolean; note: string }) =>
      apiFetch<void>(`/admin/ad-claims/${id}/${approve ? 'approve' : 'reject'}`, json('POST', { note: note.trim() || null })),
    // Not awaited: the page says what was decided before the refreshed list takes the claim away.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: adminKey });
    },
  });
}

export function useSetTier(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: { tier: Tier; reason: string }) => apiFetch<AdminUser>(`/admin/users/${id}/tier`, json('PUT', request)),
    onSuccess: () => client.invalidateQueries({ queryKey: userKey(id) }),
  });
}

export function useSuspend(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => apiFetch<AdminUser>(`/admin/users/${id}/suspend`, json('POST', { reason })),
    onSuccess: () => client.invalidateQueries({ queryKey: userKey(id) }),
  });
}

export function useUnsuspend(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<AdminUser>(`/admin/users/${id}/unsuspend`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKey(id) }),
  });
}
