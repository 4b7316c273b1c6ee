// What each audit trail action (src/Infrastructure/Audit AuditActions) is called on the pages that list the trail.

const labels: Record<string, string> = {
  'sign-in': 'Signed in',
  'sign-in-throttled': 'Sign-in refused (too many attempts)',
  'password-change': 'Password changed',
  'password-reset': 'Password reset by link',
  'email-change': 'Email address changed',
  'api-key-create': 'API key created',
  'api-key-revoke': 'API key revoked',
  'credit-adjustment': 'Credits adjusted by an admin',
  'ad-claim-review': 'Ad reward reviewed',
  'alias-move': 'Alias moved',
  'workflow-approval': 'Workflow candidate approved',
  'workflow-rejection': 'Workflow candidate rejected',
  'role-grant': 'Role granted',
  'account-deletion': 'Account deleted',
  'tier-change': 'Plan changed',
  'account-suspension': 'Account suspended',
  'account-unsuspension': 'Account unsuspended',
  'ad-claim-hold': 'Ad reward held for review',
  'data-export': 'Data export requested',
  'data-export-download': 'Data export downloaded',
};

/** The action's name for people; an action this dashboard does not know yet shows as the API names it. */
export function auditActionLabel(action: string): string {
  return labels[action] ?? action;
}
