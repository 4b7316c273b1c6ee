import { lazy, Suspense, useId, useState } from 'react';
import { useMonitoring } from '../../api/monitoring';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import AlertsList from './AlertsList';
import MonitoringSettings from './MonitoringSettings';

// ECharts comes in its own chunk, so the text, the tables and the settings show before it arrives.
const DistanceHeatmap = lazy(() => import('./MonitoringCharts').then((m) => ({ default: m.DistanceHeatmap })));
const FeatureCharts = lazy(() => import('./MonitoringCharts').then((m) => ({ default: m.FeatureCharts })));

/** Rows a window needs before the monitor judges it (fewer are counted, not judged). */
const MIN_JUDGED_ROWS = 500;

/** Drift and data quality: the judged windows, one feature against its training baseline, the alerts and the settings. */
export default function MonitoringSection({ name }: { name: string }) {
  const monitoring = useMonitoring(name);
  const m = monitoring.data;
  const [chosen, setChosen] = useState('');
  const selectId = useId();
  const baseline = m?.baselines.find((b) => b.feature === chosen) ?? m?.baselines[0];

  return (
    <>
      <h2>Monitoring</h2>
      {monitoring.isPending && <Spinner label="Loading the monitoring" />}
      <ProblemAlert error={monitoring.error} />
      {m && (
        <>
          <p className="muted">
            Each window is compared with the training data of {m.version === null ? 'the version served' : `v${m.version}`} (skew) and with the window
            before (drift), as a Jensen-Shannon distance from 0 (the same) to 1; warn at {m.warn}, alert at {m.alert} unless a feature has its own lines.
          </p>
          {m.windows.length === 0 ? (
            <div className="card empty-state" data-testid="monitoring-empty">
              <p style={{ margin: 0 }}>
                <strong>No window judged yet.</strong> The monitor judges each {m.windowHours}-hour window once it closes; windows with fewer than{' '}
                {MIN_JUDGED_ROWS} rows are counted but not judged.
              </p>
            </div>
          ) : (
            <Suspense fallback={<div className="chart card" style={{ height: 240 }} />}>
              <DistanceHeatmap monitoring={m} />
            </Suspense>
          )}

          {m.baselines.length === 0 ? (
            <p className="muted" data-testid="monitoring-no-baseline">
              The version served has no training baseline, so its features cannot be compared with what it is sent.
            </p>
          ) : (
            baseline && (
              <>
                <h3>One feature</h3>
                <div className="row">
                  <label htmlFor={selectId}>Feature</label>
                  <select id={selectId} value={baseline.feature} onChange={(e) => setChosen(e.target.value)}>
                    {m.baselines.map((b) => (
                      <option key={b.feature} value={b.feature}>
                        {b.feature} ({b.kind})
                      </option>
                    ))}
                  </select>
                </div>
                <Suspense fallback={<div className="chart card" style={{ height: 260 }} />}>
                  <FeatureCharts monitoring={m} baseline={baseline} />
                </Suspense>
              </>
            )
          )}
        </>
      )}

      <h3>Alerts</h3>
      <AlertsList name={name} />

      {m && <MonitoringSettings key={name} name={name} monitoring={m} />}
    </>
  );
}
