import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { meKey } from './auth';
import { creditsKey } from './credits';
import { applyCreditsEvent } from './creditsLive';

function cached() {
  const client = new QueryClient();
  client.setQueryData(creditsKey, { balance: 100 });
  client.setQueryData([...creditsKey, 'entries', 25], { pages: [] });
  client.setQueryData(meKey, { tier: 'free' });
  client.setQueryData(['datasets', 'usage'], { quotaBytes: 1 });
  client.setQueryData(['jobs', 'list', 25], { pages: [] });
  const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
  return { client, stale };
}

describe('applyCreditsEvent', () => {
  it('refreshes the balance, the ledger, the tier and the storage quota on credits.changed', () => {
    const { client, stale } = cached();

    applyCreditsEvent(client, { type: 'credits.changed' });

    expect(stale(creditsKey)).toBe(true);
    expect(stale([...creditsKey, 'entries', 25])).toBe(true);
    expect(stale(meKey)).toBe(true);
    expect(stale(['datasets', 'usage'])).toBe(true);
    expect(stale(['jobs', 'list', 25])).toBe(false);
  });

  it('leaves everything as it is on any other event', () => {
    const { client, stale } = cached();

    for (const type of ['job.started', 'trial.completed', 'job.succeeded']) applyCreditsEvent(client, { type });

    expect(stale(creditsKey)).toBe(false);
    expect(stale(meKey)).toBe(false);
    expect(stale(['datasets', 'usage'])).toBe(false);
  });
});
