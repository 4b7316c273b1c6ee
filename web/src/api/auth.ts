import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json, ProblemError } from './client';
import { creditsKey } from './credits';
import type { AccountCreated, Me } from './types';

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

export interface Credentials {
  email: string;
  password: string;
}

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: Credentials) => apiFetch<AccountCreated>('/auth/signup', json('POST', c)),
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

/** The caller reloads the page afterwards (see Layout), which drops every cached query of the account. */
export function useLogout() {
  return useMutation({
    mutationFn: () => apiFetch<void>('/auth/logout', { method: 'POST' }),
  });
}

export function useConfirmEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { userId: string; token: string }) => apiFetch<void>('/auth/confirm-email', json('POST', v)),
    // Confirming grants the welcome bonus: the balance changes too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: meKey }), client.invalidateQueries({ queryKey: creditsKey })]),
  });
}

export function useResendConfirmation() {
  return useMutation({
    mutationFn: () => apiFetch<void>('/auth/resend-confirmation', { method: 'POST' }),
  });
}
