import type { CreditEntryKind } from '../../api/types';

export const kindLabels: Record<CreditEntryKind, string> = {
  signupBonus: 'Sign-up bonus',
  grant: 'Grant',
  purchase: 'Purchase',
  adReward: 'Ad reward',
  capture: 'Job charge',
  refund: 'Refund',
  clawback: 'Clawback',
  hold: 'Hold',
  release: 'Release',
  owedSettlement: 'Owed settled',
  prediction: 'Online prediction',
};

export function signed(n: number): string {
  return n > 0 ? `+${n.toLocaleString()}` : n.toLocaleString();
}
