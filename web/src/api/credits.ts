import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { apiFetch, json } from './client';
import type { AdRewards, Catalog, CheckoutRequest, CreditEntryPage, Credits, Redirect } from './types';

export type { AdRewards } from './types';

export const creditsKey = ['credits'] as const;

export function useCredits() {
  return useQuery({ queryKey: creditsKey, queryFn: () => apiFetch<Credits>('/credits') });
}

/** Ledger history newest first, one keyset page at a time ("Load more" follows nextCursor). */
export function useCreditEntries(pageSize = 25) {
  return useInfiniteQuery({
    queryKey: [...creditsKey, 'entries', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      apiFetch<CreditEntryPage>(
        `/credits/entries?pageSize=${pageSize}` + (pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCatalog() {
  return useQuery({ queryKey: ['billing', 'catalog'], queryFn: () => apiFetch<Catalog>('/billing/catalog'), staleTime: 300_000 });
}

/** Starts a Stripe Checkout session; the caller sends the browser to the answered URL. */
export function useCheckout() {
  return useMutation({
    mutationFn: (choice: Partial<CheckoutRequest>) => apiFetch<Redirect>('/billing/checkout', json('POST', choice)),
  });
}

export function useAdRewards() {
  return useQuery({ queryKey: [...creditsKey, 'ad-rewards'], queryFn: () => apiFetch<AdRewards>('/credits/ad-rewards') });
}
