import { describe, expect, it } from 'vitest';
import { describeSchemaChanges, versionChanges, versionOf } from './versionFormat';

const none = { comparedWithVersion: 1, added: [], removed: [], retyped: [] };

describe('describeSchemaChanges', () => {
  it('says what was added, removed and retyped, in that order', () => {
    expect(
      describeSchemaChanges({
        comparedWithVersion: 1,
        added: [{ name: 'z', type: 'numeric' }],
        removed: [{ name: 'a', type: 'text' }],
        retyped: [{ name: 'code', from: 'numeric', to: 'categorical' }],
      }),
    ).toBe('added z; removed a; code: numeric → categorical');
  });

  it('lists several columns of a kind together, and each retyped column on its own', () => {
    expect(
      describeSchemaChanges({
        ...none,
        added: [{ name: 'x', type: 'numeric' }, { name: 'y', type: 'boolean' }],
        retyped: [
          { name: 'p', from: 'numeric', to: 'text' },
          { name: 'q', from: 'categorical', to: 'boolean' },
        ],
      }),
    ).toBe('added x, y; p: numeric → text; q: categorical → boolean');
  });

  it('says so when nothing changed', () => {
    expect(describeSchemaChanges(none)).toBe('no column changes');
  });
});

describe('versionChanges', () => {
  it('names the version compared with only when it is not the one just before', () => {
    const changes = { ...none, added: [{ name: 'z', type: 'numeric' }] };
    expect(versionChanges({ version: 2, status: 'ready', schemaChanges: changes })).toBe('added z');
    expect(versionChanges({ version: 3, status: 'ready', schemaChanges: changes })).toBe('added z (against v1)');
  });

  it('says why a version has no changes to show', () => {
    expect(versionChanges({ version: 1, status: 'ready', schemaChanges: null })).toBe('first version');
    expect(versionChanges({ version: 2, status: 'ingesting', schemaChanges: null })).toBe('known once it is read');
    expect(versionChanges({ version: 2, status: 'uploading', schemaChanges: null })).toBe('known once it is read');
    expect(versionChanges({ version: 2, status: 'failed', schemaChanges: null })).toBe('could not be read');
    expect(versionChanges({ version: 3, status: 'ready', schemaChanges: null })).toBe('no earlier version to compare with');
  });
});

describe('versionOf', () => {
  it('numbers a version among several, and says nothing of a lone one', () => {
    expect(versionOf(2, 3)).toBe('Version 2 of 3');
    expect(versionOf(1, 1)).toBeNull();
  });
});
