import { useNavigate } from 'react-router';
import { useCreateSample, useSamples } from '../../api/datasets';
import type { SampleDataset } from '../../api/types';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';

/**
 * Copies a bundled sample into the account and opens the training form on it with its target chosen. Prominent on the
 * empty data sets page (a first visit has nothing else to do), a folded list once the user has data of their own.
 */
export default function SamplePicker({ prominent }: { prominent: boolean }) {
  const samples = useSamples();
  const create = useCreateSample();
  const navigate = useNavigate();

  const use = (sample: SampleDataset) =>
    create.mutate(sample.name, {
      onSuccess: (created) =>
        void navigate(`/train?dataset=${created.dataset.id}&target=${encodeURIComponent(created.target)}`),
    });

  if (samples.isPending) return prominent ? <Spinner label="Loading the sample data sets" /> : null;
  if (samples.error) return <ProblemAlert error={samples.error} />;
  const [first] = samples.data;
  const list = (
    <ul className="samples">
      {samples.data.map((s) => (
        <li key={s.name}>
          <div>
            <strong>{s.title}</strong>{' '}
            <span className="muted small">
              {s.rows.toLocaleString()} rows · {s.columns} columns · predicts {s.target}
            </span>
            <p className="muted small">{s.description}</p>
          </div>
          <button type="button" className="secondary small" onClick={() => use(s)} disabled={create.isPending}>
            Use {s.title}
          </button>
        </li>
      ))}
    </ul>
  );

  if (!prominent) {
    return (
      <details className="card sample-picker">
        <summary>Try a sample data set</summary>
        {list}
        <ProblemAlert error={create.error} />
      </details>
    );
  }
  return (
    <div className="card sample-picker">
      <h2>No file at hand?</h2>
      <p>
        Train your first model on a small public data set: it is copied into your account and the training form opens
        with the column to predict chosen.
      </p>
      {first && (
        <p>
          <button type="button" onClick={() => use(first)} disabled={create.isPending}>
            {create.isPending ? 'Copying the sample…' : 'Try it with a sample'}
          </button>{' '}
          <span className="muted small">
            {first.title}: predicts {first.target}
          </span>
        </p>
      )}
      <ProblemAlert error={create.error} />
      <details>
        <summary>Other samples</summary>
        {list}
      </details>
    </div>
  );
}
