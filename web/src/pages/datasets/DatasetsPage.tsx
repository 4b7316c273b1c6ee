import { Link } from 'react-router';
import { useDatasets } from '../../api/datasets';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatBytes, formatDate } from '../../components/format';
import SamplePicker from './SamplePicker';
import UploadBox from './UploadBox';
import StatusChip from './StatusChip';

export default function DatasetsPage() {
  const datasets = useDatasets();
  const rows = datasets.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <PageHeading title="Data sets" />
      <UploadBox />
      {datasets.isPending ? (
        <Spinner label="Loading data sets" />
      ) : datasets.error && !datasets.data ? (
        <ProblemAlert error={datasets.error} />
      ) : rows.length === 0 ? (
        <>
          <p className="muted">No data sets yet: upload a file above to start, or try a sample.</p>
          <SamplePicker prominent />
        </>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Status</th>
                  <th className="num">Rows</th>
                  <th className="num hide-phone">Size</th>
                  <th className="hide-phone">Uploaded</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.id} data-testid="dataset-row">
                    <td>
                      <Link to={`/datasets/${d.id}`}>{d.name}</Link>
                      {d.version > 1 && <span className="muted small"> · v{d.version}</span>}
                    </td>
                    <td>
                      <StatusChip status={d.status} />
                    </td>
                    <td className="num">{d.rows?.toLocaleString() ?? '—'}</td>
                    <td className="num hide-phone nowrap">{formatBytes(d.sizeBytes)}</td>
                    <td className="hide-phone nowrap">{formatDate(d.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {datasets.hasNextPage && (
            <p>
              <button type="button" className="secondary" onClick={() => void datasets.fetchNextPage()} disabled={datasets.isFetchingNextPage}>
                Load more
              </button>
            </p>
          )}
          <SamplePicker prominent={false} />
        </>
      )}
    </section>
  );
}
