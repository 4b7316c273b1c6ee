import { useMemo } from 'react';
import type { FeatureBaseline, Monitoring } from '../../api/monitoring';
import ChartData from '../../components/ChartData';
import EChart from '../../components/EChart';
import { distanceHeatmapOption, featureDistanceOption, featureHistogramOption, type HeatCell } from '../../components/charts/monitoringCharts';
import { distance, featureIn, formatDistance, latestCounted, levelOf, percent, thresholdOf, windowLabel } from './monitoringFormat';

/** Every feature in every window: the distance from training or the window before, coloured by its level. */
export function DistanceHeatmap({ monitoring: m }: { monitoring: Monitoring }) {
  const features = useMemo(() => m.baselines.map((b) => b.feature), [m.baselines]);
  const windows = useMemo(() => m.windows.map((w) => windowLabel(w.start)), [m.windows]);
  const cells = useMemo<HeatCell[]>(
    () =>
      m.windows.flatMap((w, x) =>
        features.map((feature, y) => {
          const f = featureIn(w, feature);
          return { window: x, feature: y, level: levelOf(w, f), distance: w.skipped ? null : distance(f) };
        }),
      ),
    [m.windows, features],
  );
  const option = useMemo(() => distanceHeatmapOption(windows, features, cells, m.warn, m.alert), [windows, features, cells, m.warn, m.alert]);
  const own = Object.keys(m.thresholds).length;
  return (
    <figure className="card">
      <figcaption>Distance from training per feature and window (the worse of skew and drift)</figcaption>
      <EChart option={option} height={Math.max(200, 70 + features.length * 28)} testId="chart-monitoring-heatmap" ariaLabel="Heatmap of each feature's distance in each monitoring window, coloured ok, warn, alert or skipped" />
      {own > 0 && (
        <p className="muted small">
          The legend shows the default lines; {own === 1 ? 'one feature has' : `${own} features have`} its own (see the settings below).
        </p>
      )}
      <ChartData
        caption="Distance per feature and window"
        columns={['Feature', ...windows]}
        rows={features.map((feature) => [
          feature,
          ...m.windows.map((w) => {
            const f = featureIn(w, feature);
            const level = levelOf(w, f);
            return level === 'skipped' ? 'skipped' : `${formatDistance(distance(f))} (${level})`;
          }),
        ])}
      />
    </figure>
  );
}

/** One feature: its histogram against the training baseline, and its skew and drift over the windows. */
export function FeatureCharts({ monitoring: m, baseline }: { monitoring: Monitoring; baseline: FeatureBaseline }) {
  const feature = baseline.feature;
  const latest = useMemo(() => latestCounted(m.windows, feature), [m.windows, feature]);
  const latestName = latest ? `Window of ${windowLabel(latest.window.start)}` : '';
  const histogram = useMemo(
    () => featureHistogramOption(baseline.bins, baseline.shares, latest?.shares ?? null, latestName),
    [baseline, latest, latestName],
  );
  const { warn, alert } = thresholdOf(m, feature);
  const windows = useMemo(() => m.windows.map((w) => windowLabel(w.start)), [m.windows]);
  const points = useMemo(() => m.windows.map((w) => featureIn(w, feature)), [m.windows, feature]);
  const lines = useMemo(
    () => featureDistanceOption(windows, points.map((f) => f?.skew ?? null), points.map((f) => f?.drift ?? null), warn, alert),
    [windows, points, warn, alert],
  );
  return (
    <div className="chart-grid">
      <figure className="card">
        <figcaption>
          {feature}: training {latest ? `and the ${latestName.toLowerCase()}` : 'only (no window has counted it yet)'}
        </figcaption>
        <EChart option={histogram} height={260} testId="chart-feature-histogram" ariaLabel={`Share of ${feature} per bin in training${latest ? ' and in the latest window' : ''}`} />
        <ChartData
          caption={`Share of ${feature} per bin`}
          columns={latest ? ['Bin', 'Training', latestName] : ['Bin', 'Training']}
          rows={baseline.bins.map((bin, i) => (latest ? [bin, percent(baseline.shares[i] ?? 0), percent(latest.shares[i] ?? 0)] : [bin, percent(baseline.shares[i] ?? 0)]))}
        />
      </figure>
      {m.windows.length > 0 && (
        <figure className="card">
          <figcaption>
            {feature}: skew and drift per window (warn at {warn}, alert at {alert})
          </figcaption>
          <EChart option={lines} height={260} testId="chart-feature-distance" ariaLabel={`Skew and drift of ${feature} per window, with the warning and alert lines`} />
          <ChartData
            caption={`Skew and drift of ${feature} per window`}
            columns={['Window (UTC)', 'Rows', 'Skew', 'Drift', 'Level']}
            rows={m.windows.map((w, i) => [windows[i], w.rows, formatDistance(points[i]?.skew), formatDistance(points[i]?.drift), levelOf(w, points[i])])}
          />
        </figure>
      )}
    </div>
  );
}
