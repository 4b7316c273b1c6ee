import { useMemo } from 'react';
import EChart from '../../components/EChart';
import { shapWaterfallOption, waterfallSteps } from '../../components/charts/modelCharts';

/** The SHAP waterfall of one prediction; loaded lazily with ECharts. */
export default function ShapChart({ expected, contributions, unit }: { expected: number; contributions: Record<string, number>; unit: string }) {
  const steps = useMemo(() => waterfallSteps(expected, contributions), [expected, contributions]);
  const option = useMemo(() => shapWaterfallOption(steps, unit), [steps, unit]);
  return <EChart option={option} height={Math.max(200, steps.length * 26 + 40)} testId="chart-shap" ariaLabel="SHAP waterfall of this prediction" />;
}
