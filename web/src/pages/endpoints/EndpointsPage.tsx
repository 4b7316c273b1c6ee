import { Link, useSearchParams } from 'react-router';
import { useEndpoints, type ServingEndpoint } from '../../api/endpoints';
import LoadMore from '../../components/LoadMore';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { describeChallenger } from '../registry/registryFormat';
import CreateEndpointForm from './CreateEndpointForm';
import { servingText } from './endpointFormat';
import '../registry/registry.css';

export default function EndpointsPage() {
  const [params] = useSearchParams();
  const list = useEndpoints();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <div className="page-head">
        <PageHeading title="Endpoints" />
        <Link className="button secondary" to="/registered-models">
          Registered models
        </Link>
      </div>
      <p className="muted">An endpoint answers predictions with whichever version its alias names at the time of each request.</p>
      {list.isPending && <Spinner label="Loading your endpoints" />}
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 && (
        <div className="card">
          <p>No endpoints yet. Create one below for a registered model whose production alias names a version.</p>
        </div>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="endpoints-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Registered model</th>
                <th scope="col">Serves</th>
                <th scope="col">Challenger</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <EndpointRow key={e.id} endpoint={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={list} />
      <div style={{ marginTop: 'var(--gap)' }}>
        <CreateEndpointForm registeredModel={params.get('registeredModel') ?? ''} />
      </div>
    </section>
  );
}

function EndpointRow({ endpoint: e }: { endpoint: ServingEndpoint }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/endpoints/${encodeURIComponent(e.name)}`}>{e.name}</Link>
      </th>
      <td>
        <Link to={`/registered-models/${encodeURIComponent(e.registeredModel)}`}>{e.registeredModel}</Link>
      </td>
      <td className="nowrap">{servingText(e, e.alias)}</td>
      <td>
        {e.challenger?.alias ? (
          <>
            {describeChallenger(e.challenger)} <span className="muted small">({servingText(e, e.challenger.alias)})</span>
          </>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
    </tr>
  );
}
