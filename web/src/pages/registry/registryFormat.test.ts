import { describe, expect, it } from 'vitest';
import { describeChallenger, everyHour, rollbackVersion, scoresByVersion, sortAliases, versionShares } from './registryFormat';

describe('registry formats', () => {
  it('lists production and staging first and previous last', () => {
    expect(sortAliases(['previous', 'canary', 'staging', 'production', 'beta'])).toEqual(['production', 'staging', 'beta', 'canary', 'previous']);
  });

  it('rolls back only to a previous that names another version and that production held before its last move', () => {
    expect(rollbackVersion({ production: 2, previous: 1 }, { fromVersion: 1 })).toBe(1);
    expect(rollbackVersion({ production: 2, previous: 2 }, { fromVersion: 2 })).toBeNull();
    expect(rollbackVersion({ production: 2 }, { fromVersion: null })).toBeNull();
    // previous was set by a move of staging (from v3): production's own last move came from nothing.
    expect(rollbackVersion({ production: 2, staging: 4, previous: 3 }, { fromVersion: null })).toBeNull();
    expect(rollbackVersion({ production: 2, previous: 1 }, undefined)).toBeNull();
  });

  it('orders scores by version', () => {
    expect(scoresByVersion([{ version: 3, score: 0.8 }, { version: 1, score: 0.7 }])).toEqual([
      { version: 1, score: 0.7 },
      { version: 3, score: 0.8 },
    ]);
  });

  it('turns counts per version into shares', () => {
    expect(versionShares({ '2': 3, '1': 1 })).toEqual([
      { version: 1, requests: 1, percent: 25 },
      { version: 2, requests: 3, percent: 75 },
    ]);
    expect(versionShares({})).toEqual([]);
  });

  it('says what a challenger does', () => {
    expect(describeChallenger(null)).toBe('none');
    expect(describeChallenger({ alias: 'staging', percent: 10, mode: 'split' })).toBe('staging answers 10% of requests');
    expect(describeChallenger({ alias: 'staging', percent: 0, mode: 'shadow' })).toBe('staging scores every request unseen (shadow)');
  });

  it('fills the quiet hours of the window', () => {
    const hours = everyHour([{ hour: '2026-12-04T10:00:00Z', requests: 3, p50Ms: 5, p95Ms: 9 }], new Date('2026-12-04T12:30:00Z'), 4);
    expect(hours.map((h) => [h.hour.slice(11, 16), h.requests, h.p50Ms])).toEqual([
      ['09:00', 0, null],
      ['10:00', 3, 5],
      ['11:00', 0, null],
      ['12:00', 0, null],
    ]);
  });
});
