import { describe, expect, it } from 'vitest';
import { kindLabels, signed } from './entryFormat';

describe('signed', () => {
  it('shows a plus on credits given and a minus on credits taken, grouped', () => {
    expect(signed(1500)).toBe('+1,500');
    expect(signed(-25)).toBe('-25');
    expect(signed(0)).toBe('0');
  });
});

describe('kindLabels', () => {
  it('names a job charge and an owed settlement the way the ledger page shows them', () => {
    expect(kindLabels.capture).toBe('Job charge');
    expect(kindLabels.owedSettlement).toBe('Owed settled');
  });
});
