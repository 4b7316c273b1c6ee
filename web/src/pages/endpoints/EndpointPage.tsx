import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useEndpoint, useEndpointStats } from '../../api/endpoints';
import { useModelVersions, useRegisteredModel } from '../../api/registry';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatWhen } from '../jobs/jobFormat';
import { describeChallenger, everyHour } from '../registry/registryFormat';
import { formatMs, servingText } from './endpointFormat';
import MonitoringSection from './MonitoringSection';
import RequestLog from './RequestLog';
import TryItForm from './TryItForm';
import VersionSplit from './VersionSplit';
import '../models/models.css';
import '../registry/registry.css';

// ECharts comes in its own chunk, so the numbers and tables show before it arrives.
const EndpointCharts = lazy(() => import('./EndpointCharts'));

export default function EndpointPage() {
  const { name = '' } = useParams();
  const endpoint = useEndpoint(name);
  const e = endpoint.data;
  const stats = useEndpointStats(name);
  const registered = useRegisteredModel(e?.registeredModel ?? '');
  const versions = useModelVersions(e?.registeredModel ?? '');
  const heading = <PageHeading title={name} />;
  const statsHours = stats.data?.hours;
  const hours = useMemo(() => (statsHours ? everyHour(statsHours, new Date()) : []), [statsHours]);

  if (endpoint.isPending || endpoint.error || !e) {
    return (
      <section>
        <div className="page-head">{heading}</div>
        {endpoint.isPending ? <Spinner label="Loading the endpoint" /> : <ProblemAlert error={endpoint.error} />}
      </section>
    );
  }

  const s = stats.data;
  const latest = versions.data?.pages[0]?.items[0];
  const columns = registered.data?.inputColumns?.map((c) => c.name) ?? [];
  return (
    <section>
      <div className="page-head">{heading}</div>
      {e.description && <p>{e.description}</p>}
      <dl className="facts">
        <div>
          <dt>Registered model</dt>
          <dd>
            <Link to={`/registered-models/${encodeURIComponent(e.registeredModel)}`}>{e.registeredModel}</Link>
          </dd>
        </div>
        <div>
          <dt>Serves now</dt>
          <dd data-testid="endpoint-serving">{servingText(e, e.alias)}</dd>
        </div>
        <div>
          <dt>Challenger</dt>
          <dd>
            {describeChallenger(e.challenger)}
            {e.challenger?.alias ? ` (${servingText(e, e.challenger.alias)})` : ''}
          </dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd className="mono small">POST /api/v1/endpoints/{e.name}/predict</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatWhen(e.createdAt)}</dd>
        </div>
      </dl>

      <h2>Last 24 hours</h2>
      {stats.isPending && <Spinner label="Loading the traffic" />}
      <ProblemAlert error={stats.error} />
      {s && (
        <>
          <div className="stats">
            <div className="stat">
              <div className="label">Requests</div>
              <div className="value" data-testid="endpoint-requests">
                {s.requests.toLocaleString()}
              </div>
            </div>
            <div className="stat">
              <div className="label">Latency p50</div>
              <div className="value">{formatMs(s.p50Ms)}</div>
            </div>
            <div className="stat">
              <div className="label">Latency p95</div>
              <div className="value">{formatMs(s.p95Ms)}</div>
            </div>
          </div>
          {s.requests > 0 ? (
            <Suspense fallback={<div className="chart" style={{ height: 240 }} />}>
              <EndpointCharts hours={hours} />
            </Suspense>
          ) : (
            <p className="muted">No traffic in the last 24 hours: the charts start with the first request.</p>
          )}
          <h3>Version split</h3>
          <VersionSplit counts={s.versions} />
        </>
      )}

      <MonitoringSection name={e.name} />

      <h2>Recent requests</h2>
      <RequestLog name={e.name} />

      <h2>Try it</h2>
      {registered.isPending ? <Spinner label="Reading the columns it expects" /> : <TryItForm name={e.name} columns={columns} datasetId={latest?.datasetId} />}
    </section>
  );
}
