import { lazy, Suspense } from 'react';
import { useDatasetAssociations } from '../../api/datasets';
import { ProblemError } from '../../api/client';
import Spinner from '../../components/Spinner';

const AssociationsChart = lazy(() => import('./AssociationsChart'));

/** The data set page's associations: a heat map of the top columns, or why there is none. */
export default function AssociationsSection({ datasetId }: { datasetId: string }) {
  const associations = useDatasetAssociations(datasetId, true);
  return (
    <section aria-labelledby="associations-heading">
      <h2 id="associations-heading">Associations</h2>
      {associations.isPending && <Spinner label="Reading the associations" />}
      {associations.error && (
        <p className="muted">{associations.error instanceof ProblemError && associations.error.detail ? associations.error.detail : 'The associations could not be read.'}</p>
      )}
      {associations.data && (
        <Suspense fallback={<Spinner label="Drawing the heat map" />}>
          <AssociationsChart associations={associations.data} />
        </Suspense>
      )}
    </section>
  );
}
