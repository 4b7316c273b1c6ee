import { lazy, Suspense } from 'react';
import { ProblemError } from '../../api/client';
import { useModelEffects } from '../../api/models';
import Spinner from '../../components/Spinner';

const EffectsCharts = lazy(() => import('./EffectsCharts'));

/** The model page's feature effects, or why there are none (a model trained before them). */
export default function EffectsSection({ modelId, target }: { modelId: string; target: string }) {
  const effects = useModelEffects(modelId);
  return (
    <section aria-labelledby="effects-heading">
      <h2 id="effects-heading">Feature effects</h2>
      {effects.isPending && <Spinner label="Reading the feature effects" />}
      {effects.error && (
        <p className="muted">{effects.error instanceof ProblemError && effects.error.detail ? effects.error.detail : 'The feature effects could not be read.'}</p>
      )}
      {effects.data && (
        <Suspense fallback={<Spinner label="Drawing the feature effects" />}>
          <EffectsCharts effects={effects.data} target={target} />
        </Suspense>
      )}
    </section>
  );
}
