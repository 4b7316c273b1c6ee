import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { meKey } from './auth';
import { apiFetch, json } from './client';
import type {
  ChangeEmailRequest,
  ChangePasswordRequest,
  ConfirmEmailChangeRequest,
  EmailChangePending,
  ForgotPasswordAccepted,
  Me,
  ResetPasswordRequest,
  SecurityEventPage,
  UpdateMeRequest,
} from './types';

/** Always the same answer, whether or not the address has an account. */
export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => apiFetch<ForgotPasswordAccepted>('/auth/password/forgot', json('POST', { email })),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (v: ResetPasswordRequest) => apiFetch<void>('/auth/password/reset', json('POST', v)),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (v: ChangePasswordRequest) => apiFetch<void>('/auth/password/change', json('POST', v)),
  });
}

export function useChangeEmail() {
  return useMutation({
    mutationFn: (v: ChangeEmailRequest) =>
      apiFetch<EmailChangePending>('/me/email', json('POST', v)),
  });
}

export function useConfirmEmailChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: ConfirmEmailChangeRequest) => apiFetch<void>('/auth/confirm-email-change', json('POST', v)),
    // The page reads /me while the link is being confirmed: an answer from before the change may land after it, and the
    // refetch the invalidation asks for was seen not to come. The cache takes the new address itself, then reads again.
    onSuccess: async (_, v) => {
      await client.cancelQueries({ queryKey: meKey });
      client.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, email: v.email } : old));
      await client.invalidateQueries({ queryKey: meKey });
    },
  });
}

/** PATCH /me: only the fields sent change. */
export type NotificationSettings = Partial<UpdateMeRequest>;

export function useUpdateNotifications() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: NotificationSettings) => apiFetch<Me>('/me', json('PATCH', v)),
    // /me holds the new value until the server answers: a read of /me already in flight (started before the change) is
    // cancelled first, or its older answer would land after this one and flip the switch back. The cancel is awaited, so
    // the page shows the value being saved itself (SettingsPage's Notifications) rather than wait for this update.
    onMutate: async (v) => {
      await client.cancelQueries({ queryKey: meKey });
      const previous = client.getQueryData<Me>(meKey);
      if (previous) {
        client.setQueryData<Me>(meKey, {
          ...previous,
          notifyJobFinished: v.notifyJobFinished ?? previous.notifyJobFinished,
          notifyLowBalance: v.notifyLowBalance ?? previous.notifyLowBalance,
        });
      }
      return { previous };
    },
    onError: (_error, _v, context) => {
      if (context?.previous) client.setQueryData(meKey, context.previous);
    },
    onSuccess: (me) => client.setQueryData(meKey, me),
  });
}

/**
 * Deleting needs a recent sign-in: the password typed on the page renews it (POST /auth/reauthenticate) and the
 * deletion follows at once, so the user never leaves the page to sign in again.
 */
export function useDeleteAccount() {
  return useMutation({
    mutationFn: async (password: string) => {
      await apiFetch<void>('/auth/reauthenticate', json('POST', { password }));
      await apiFetch<void>('/me', { method: 'DELETE' });
    },
  });
}

/** GET /me/security-events: the audit trail's rows about this account, newest first. */
export function useSecurityEvents(pageSize = 20) {
  return useInfiniteQuery({
    queryKey: ['me', 'security-events', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<SecurityEventPage>(`/me/security-events?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
