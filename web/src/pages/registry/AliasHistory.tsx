import { useAliasHistory } from '../../api/registry';
import LoadMore from '../../components/LoadMore';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatWhen } from '../jobs/jobFormat';

const versionText = (v: number | null) => (v === null ? 'none' : `v${v}`);

/** Every move of one alias, newest first: from, to, who, when and why. */
export default function AliasHistory({ name, alias }: { name: string; alias: string }) {
  const history = useAliasHistory(name, alias);
  const moves = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby={`history-${alias}`}>
      <h3 id={`history-${alias}`}>History of {alias}</h3>
      {history.isPending && <Spinner label={`Loading the history of ${alias}`} />}
      <ProblemAlert error={history.error} />
      {history.data && moves.length === 0 && <p className="muted">{alias} has not moved yet.</p>}
      {moves.length > 0 && (
        <div className="table-wrap">
          <table className="alias-history" data-alias={alias}>
            <caption className="visually-hidden">Moves of {alias}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Who</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {moves.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{formatWhen(m.at)}</td>
                  <td>{versionText(m.fromVersion)}</td>
                  <td>{versionText(m.toVersion)}</td>
                  <td>{m.actor}</td>
                  <td className="break-word">{m.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={history} />
    </section>
  );
}
