import { Link } from 'react-router';
import { useRegisteredModels, type RegisteredModel } from '../../api/registry';
import LoadMore from '../../components/LoadMore';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { taskNames } from '../models/modelFormat';
import AliasBadges from './AliasBadges';
import CreateRegisteredModelForm from './CreateRegisteredModelForm';
import './registry.css';

export default function RegisteredModelsPage() {
  const list = useRegisteredModels();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <div className="page-head">
        <PageHeading title="Registered models" />
        <Link className="button secondary" to="/endpoints">
          Endpoints
        </Link>
      </div>
      <p className="muted">
        A registered model gives your trained models one name, numbered versions and aliases such as production, so an endpoint can serve
        whichever version production names.
      </p>
      {list.isPending && <Spinner label="Loading your registered models" />}
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 && (
        <div className="card">
          <p>No registered models yet. Create one below, then add a trained model to it as its first version.</p>
        </div>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="registered-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Task</th>
                <th scope="col">Target</th>
                <th scope="col" className="num">Latest version</th>
                <th scope="col">Aliases</th>
                <th scope="col">Endpoints</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <RegisteredModelRow key={m.id} model={m} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={list} />
      <div style={{ marginTop: 'var(--gap)' }}>
        <CreateRegisteredModelForm />
      </div>
    </section>
  );
}

function RegisteredModelRow({ model: m }: { model: RegisteredModel }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/registered-models/${encodeURIComponent(m.name)}`}>{m.name}</Link>
        {m.description && <div className="muted small">{m.description}</div>}
      </th>
      <td className="nowrap">{m.task ? (taskNames[m.task] ?? m.task) : <span className="muted">—</span>}</td>
      <td>{m.target ?? <span className="muted">—</span>}</td>
      <td className="num">{m.latestVersion === 0 ? <span className="muted">none</span> : `v${m.latestVersion}`}</td>
      <td>
        <AliasBadges aliases={Object.keys(m.aliases)} versions={m.aliases} />
      </td>
      <td>
        {m.endpoints.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          m.endpoints.map((e, i) => (
            <span key={e}>
              {i > 0 && ', '}
              <Link to={`/endpoints/${encodeURIComponent(e)}`}>{e}</Link>
            </span>
          ))
        )}
      </td>
    </tr>
  );
}
