import type { ModelDetail } from '../../api/models';
import { formatScore } from '../jobs/jobFormat';
import { metricName } from './modelFormat';

const learnerNames: Record<string, string> = {
  lightgbm: 'LightGBM',
  fasttree: 'FastTree (boosted trees)',
  fastforest: 'FastForest (random forest)',
  linear: 'Linear',
  constant: 'Constant (baseline)',
};

/** The trials the model blends, heaviest first, with each one's own validation score. */
export default function EnsembleSection({ model }: { model: ModelDetail }) {
  const members = model.ensemble ?? [];
  return (
    <>
      <h2>Ensemble</h2>
      {members.length === 0 ? (
        <p className="muted">This model does not report its ensemble.</p>
      ) : (
        <>
          <p className="muted small">
            {members.length === 1
              ? 'One trial of the search makes every prediction.'
              : `A prediction blends ${members.length} trials of the search, each in proportion to its weight.`}
          </p>
          <div className="table-wrap catalog-wrap">
            <table className="ensemble-table">
              <thead>
                <tr>
                  <th>Trial</th>
                  <th>Learner</th>
                  <th>Weight</th>
                  <th className="num">Validation {metricName(model.metric)}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.trial}>
                    <td className="mono">#{m.trial}</td>
                    <td>{learnerNames[m.learner] ?? m.learner}</td>
                    <td>
                      <span className="ensemble-weight">
                        <span className="track" aria-hidden="true">
                          <span className="ensemble-bar" style={{ width: `${Math.round(m.weight * 100)}%`, display: 'block', height: '100%' }} />
                        </span>
                        <span className="nowrap">{(m.weight * 100).toFixed(1)}%</span>
                      </span>
                    </td>
                    <td className="num">{formatScore(m.validationScore)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
