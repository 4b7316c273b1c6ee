import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json, ProblemError } from './client';
import { creditsKey } from './credits';
import type { AccountCreated, ConfirmEmailRequest, LoginRequest, Me, SignupRequest } from './types';

export const meKey = ['me'] as const;

/** The signed-in account, or null when there is no session (401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await apiFetch<Me>('/me');
      } catch (e) {
        if (e instanceof ProblemError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** What sign-up and sign-in take (the same two fields). */
export type Credentials = LoginRequest;

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: SignupRequest) => apiFetch<AccountCreated>('/auth/signup', json('POST', c)),
    // Whatever was cached belonged to no one or to another account (the cached "not signed in" above all).
    onSuccess: () => client.removeQueries(),
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: Credentials) => apiFetch<AccountCreated>('/auth/login', json('POST', c)),
    onSuccess: () => client.removeQueries(),
  });
}

/**
 * The caller reloads the page afterwards (see Layout), which drops every cached query of the account. The page's reads
 * still in flight end first (for at most two seconds): answered after the session ended, they would come back 401.
 */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const deadline = Date.now() + 2_000;
      while (client.isFetching() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      return apiFetch<void>('/auth/logout', { method: 'POST' });
    },
  });
}

export function useConfirmEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: ConfirmEmailRequest) => apiFetch<void>('/auth/confirm-email', json('POST', v)),
    // Confirming grants the welcome bonus: the balance changes too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: meKey }), client.invalidateQueries({ queryKey: creditsKey })]),
  });
}

export function useResendConfirmation() {
  return useMutation({
    mutationFn: () => apiFetch<void>('/auth/resend-confirmation', { method: 'POST' }),
  });
}
