import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { apiFetch } from './client';
import { creditsKey } from './credits';
import type { CreditEntry, CreditEntryKind, CreditEntryPage, Redirect } from './types';

/** What the billing page lists as purchase history: what was bought or granted, and what was taken back. */
export const purchaseKinds: CreditEntryKind[] = ['purchase', 'grant', 'clawback'];

function entriesPath(kinds: CreditEntryKind[], pageSize: number, cursor?: string | null): string {
  return `/credits/entries?kind=${kinds.join(',')}&pageSize=${pageSize}` + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
}

/** Under the credits key, so a credits.changed event refreshes it with the balance. */
export function usePurchaseHistory(pageSize = 10) {
  return useInfiniteQuery({
    queryKey: [...creditsKey, 'purchases', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => apiFetch<CreditEntryPage>(entriesPath(purchaseKinds, pageSize, pageParam)),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * Follows a checkout's credits until they are in the ledger: polls as a fallback while the credits.changed event is
 * awaited (that event refreshes it at once, being under the credits key), and stops once found.
 */
export function useCheckoutCredits(checkout: string, match: (e: CreditEntry) => boolean, pollMs: number) {
  return useQuery({
    queryKey: [...creditsKey, 'checkout', checkout],
    queryFn: async () => (await apiFetch<CreditEntryPage>(entriesPath(['purchase', 'grant'], 20))).items.find(match) ?? null,
    refetchInterval: (query) => (query.state.data ? false : pollMs),
  });
}

/** Opens Stripe's billing portal: the caller sends the browser to the answered URL. */
export function usePortal() {
  return useMutation({ mutationFn: () => apiFetch<Redirect>('/billing/portal') });
}
