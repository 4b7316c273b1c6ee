// The admin console's calls (/api/v1/admin/…): the API refuses them with 403 unless the session has the admin role.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiFetch, json } from './client';
import type {
  AdClaimPage,
  AdClaimStatus,
  AdminApiKeyPage,
  AdminLedger,
  AdminUser,
  AdminUserPage,
  CreditAdjustmentRequest,
  DatasetSummaryPage,
  JobPage,
  PlatformFigures,
  SecurityEventPage,
  SetTierRequest,
  Tier,
} from './types';

export const adminKey = ['admin'] as const;
const userKey = (id: string) => [...adminKey, 'users', id] as const;

/** After a change to an account: its view as the API answered, and everything else the console shows read again. */
function changed(client: QueryClient, id: string) {
  return (user: AdminUser) => {
    client.setQueryData([...userKey(id), 'view'], user);
    return client.invalidateQueries({ queryKey: adminKey, predicate: (q) => q.queryKey[3] !== 'view' || q.queryKey[2] !== id });
  };
}

const withCursor = (path: string, params: Record<string, string>, cursor: string | null) => {
  const query = new URLSearchParams(params);
  if (cursor) query.set('cursor', cursor);
  return `${path}?${query}`;
};

/** What the console's user search asks: part of an email or a whole id, and optional filters. */
export interface UserSearch {
  query: string;
  tier: Tier | '';
  suspended: '' | 'true' | 'false';
}

/** Accounts matching the search, newest first; nothing is asked before the first search. */
export function useFindUsers(search: UserSearch | null, pageSize = 25) {
  return useInfiniteQuery({
    queryKey: [...adminKey, 'find', search, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params: Record<string, string> = { pageSize: String(pageSize) };
      if (search!.query.trim()) params.query = search!.query.trim();
      if (search!.tier) params.tier = search!.tier;
      if (search!.suspended) params.suspended = search!.suspended;
      return apiFetch<AdminUserPage>(withCursor('/admin/users', params, pageParam));
    },
    getNextPageParam: (last) => last.nextCursor,
    enabled: search !== null,
  });
}

export function useAdminUser(id: string) {
  return useQuery({ queryKey: [...userKey(id), 'view'], queryFn: () => apiFetch<AdminUser>(`/admin/users/${id}`) });
}

/** Pages of one of the user's lists (jobs, data sets), newest first. */
function useUserList<T extends { nextCursor: string | null }>(id: string, list: 'jobs' | 'datasets', pageSize: number) {
  return useInfiniteQuery({
    queryKey: [...userKey(id), list, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiFetch<T>(withCursor(`/admin/users/${id}/${list}`, { pageSize: String(pageSize) }, pageParam)),
    getNextPageParam: (last: T) => last.nextCursor,
  });
}

export const useUserJobs = (id: string, pageSize = 10) => useUserList<JobPage>(id, 'jobs', pageSize);
export const useUserDatasets = (id: string, pageSize = 10) => useUserList<DatasetSummaryPage>(id, 'datasets', pageSize);

export function useUserKeys(id: string) {
  return useQuery({ queryKey: [...userKey(id), 'keys'], queryFn: () => apiFetch<AdminApiKeyPage>(`/admin/users/${id}/keys`) });
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
    onSuccess: changed(client, id),
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
    mutationFn: (request: SetTierRequest) => apiFetch<AdminUser>(`/admin/users/${id}/tier`, json('PUT', request)),
    onSuccess: changed(client, id),
  });
}

export function useSuspend(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => apiFetch<AdminUser>(`/admin/users/${id}/suspend`, json('POST', { reason })),
    onSuccess: changed(client, id),
  });
}

export function useUnsuspend(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<AdminUser>(`/admin/users/${id}/unsuspend`, json('POST', {})),
    onSuccess: changed(client, id),
  });
}

/** From and to are UTC days (yyyy-MM-dd), both included; empty asks for the API's default (the last 30 days). */
export function useFigures(from: string, to: string) {
  return useQuery({
    queryKey: [...adminKey, 'figures', from, to],
    queryFn: () => {
      const params = new URLSearchParams();
      if (from) params.set('from', from);
      if (to) params.set('to', to);
      return apiFetch<PlatformFigures>(`/admin/figures?${params}`);
    },
  });
}
