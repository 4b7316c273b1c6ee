import { describe, expect, it } from 'vitest';
import { describeChallenger, rollbackVersion, scoresByVersion, sortAliases, versionShares } from './registryFormat';

describe('registry formats', () => {
  it('lists production and staging first and previous last', () => {
    expect(sortAliases(['previous', 'canary', 'staging', 'production', 'beta'])).toEqual(['production', 'staging', 'beta', 'canary', 'previous']);
  });

  it('rolls back only to a previous that names another version', () => {
    expect(rollbackVersion({ production: 2, previous: 1 })).toBe(1);
    expect(rollbackVersion({ production: 2, previous: 2 })).toBeNull();
    expect(rollbackVersion({ production: 2 })).toBeNull();
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
});
