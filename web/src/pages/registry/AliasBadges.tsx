import { sortAliases } from './registryFormat';

/** Aliases as badges; with versions, each says which version it names ("production → v2"). */
export default function AliasBadges({ aliases, versions }: { aliases: string[]; versions?: Record<string, number> }) {
  if (aliases.length === 0) return <span className="muted">—</span>;
  return (
    <span className="alias-badges">
      {sortAliases(aliases).map((a) => (
        <span key={a} className={`alias-badge ${a}`}>
          {a}
          {versions && versions[a] !== undefined ? ` → v${versions[a]}` : ''}
        </span>
      ))}
    </span>
  );
}
