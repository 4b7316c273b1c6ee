import type { ServingEndpoint } from '../../api/endpoints';

/** "production → v2", or "production → no version" when the alias names none yet. */
export function servingText(endpoint: Pick<ServingEndpoint, 'serving'>, alias: string): string {
  const version = endpoint.serving[alias];
  return `${alias} → ${version === null || version === undefined ? 'no version' : `v${version}`}`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString()} ms`;
}
