// How the admin console writes tiers and amounts.
import type { Tier } from '../../api/types';

export const tiers: { value: Tier; label: string }[] = [
  { value: 'free', label: 'Free' },
  { value: 'pro', label: 'Pro' },
  { value: 'enterprise', label: 'Enterprise' },
];

export function tierLabel(tier: Tier): string {
  return tiers.find((t) => t.value === tier)?.label ?? tier;
}

/**
 * A credit amount typed by an admin: a non-zero whole number, negative to take credits back. Null when it is not one,
 * so the form says so before asking the API.
 */
export function parseCredits(text: string): number | null {
  const cleaned = text.replace(/[\s,_]/g, '');
  if (!/^[+-]?\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value === 0 || !Number.isSafeInteger(value) ? null : value;
}
