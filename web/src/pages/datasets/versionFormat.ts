import type { DatasetStatus, SchemaChanges } from '../../api/types';

/** Schema changes in words: "added z; removed a; code: numeric → categorical", or "no column changes". */
export function describeSchemaChanges(changes: SchemaChanges): string {
  const parts: string[] = [];
  if (changes.added.length > 0) parts.push(`added ${changes.added.map((c) => c.name).join(', ')}`);
  if (changes.removed.length > 0) parts.push(`removed ${changes.removed.map((c) => c.name).join(', ')}`);
  for (const r of changes.retyped) parts.push(`${r.name}: ${r.from} → ${r.to}`);
  return parts.length > 0 ? parts.join('; ') : 'no column changes';
}

/**
 * What a version's row says about its columns: its changes (naming the version compared with when it is not the one
 * just before), or why there are none to show.
 */
export function versionChanges(v: { version: number; status: DatasetStatus; schemaChanges: SchemaChanges | null }): string {
  if (v.schemaChanges) {
    const against = v.schemaChanges.comparedWithVersion === v.version - 1 ? '' : ` (against v${v.schemaChanges.comparedWithVersion})`;
    return describeSchemaChanges(v.schemaChanges) + against;
  }
  if (v.status === 'failed') return 'could not be read';
  if (v.status === 'uploading' || v.status === 'ingesting') return 'known once it is read';
  return v.version === 1 ? 'first version' : 'no earlier version to compare with';
}

/** "Version 2 of 3", or null for a data set with a single version. */
export function versionOf(version: number, latest: number): string | null {
  return latest > 1 ? `Version ${version} of ${latest}` : null;
}
