import { useMemo } from 'react';
import type { ModelVersion } from '../../api/registry';
import ChartData from '../../components/ChartData';
import EChart from '../../components/EChart';
import { versionScoreOption } from '../../components/charts/registryCharts';
import { formatScore } from '../jobs/jobFormat';
import { metricName } from '../models/modelFormat';
import { scoresByVersion } from './registryFormat';

/** The primary metric across versions (loaded lazily with ECharts), with its numbers behind it. */
export default function VersionScoreChart({ versions, metric }: { versions: ModelVersion[]; metric: string }) {
  const points = useMemo(() => scoresByVersion(versions.filter((v) => v.metric === metric)), [versions, metric]);
  const name = metricName(metric);
  const option = useMemo(() => versionScoreOption(points, name, metric), [points, name, metric]);
  return (
    <figure className="card">
      <figcaption>{name} by version (validation)</figcaption>
      <EChart option={option} height={240} testId="chart-version-scores" ariaLabel={`${name} of each version, from version 1 to the latest`} />
      <ChartData caption={`${name} by version`} columns={['Version', name]} rows={points.map((p) => [`v${p.version}`, formatScore(p.score)])} />
    </figure>
  );
}
