import { useMemo } from 'react';
import EChart from '../../components/EChart';
import { bestScoreOption, type ScorePoint } from '../../components/charts/jobCharts';

/** Loaded lazily, so the job page shows before ECharts has arrived. */
export default function BestScoreChart({ points, metric }: { points: ScorePoint[]; metric: string }) {
  const option = useMemo(() => bestScoreOption(points, metric), [points, metric]);
  return <EChart option={option} height={260} testId="chart-best-score" ariaLabel={`Best ${metric} over time`} />;
}
