import { useMemo } from 'react';
import type { WorkflowRun } from '../../api/workflows';
import ChartData from '../../components/ChartData';
import EChart from '../../components/EChart';
import { runScoresOption } from '../../components/charts/workflowCharts';
import { formatScore } from '../jobs/jobFormat';
import { metricName } from '../models/modelFormat';

const label = (iso: string) => new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Labels told apart: two runs in the same minute are "Dec 4, 10:00" and "Dec 4, 10:00 (2)" (the table keys rows by them). */
function distinct(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}

/** The candidate's and the champion's primary metric on each run's held-out rows, oldest run first (loaded with ECharts). */
export default function RunScoreChart({ runs, metric }: { runs: WorkflowRun[]; metric: string }) {
  const points = useMemo(() => {
    const scored = [...runs].filter((r) => r.candidateScore !== null || r.championScore !== null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const labels = distinct(scored.map((r) => label(r.createdAt)));
    return scored.map((r, i) => ({ label: labels[i], candidate: r.candidateScore, champion: r.championScore }));
  }, [runs]);
  const name = metricName(metric);
  const option = useMemo(() => runScoresOption(points, name, metric), [points, name, metric]);
  return (
    <figure className="card run-chart">
      <figcaption>{name} of the candidate and of the champion on each run's held-out rows</figcaption>
      <EChart option={option} height={240} testId="chart-run-scores" ariaLabel={`${name} of each run's candidate and champion, oldest run first`} />
      <ChartData
        caption={`${name} per run`}
        columns={['Run', 'Candidate', 'Champion']}
        rows={points.map((p) => [p.label, formatScore(p.candidate), formatScore(p.champion)])}
      />
    </figure>
  );
}
