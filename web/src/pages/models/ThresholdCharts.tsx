import { useMemo } from 'react';
import type { ModelDetail } from '../../api/models';
import ChartData from '../../components/ChartData';
import EChart from '../../components/EChart';
import { calibrationOption, gainOption, liftOption } from '../../components/charts/thresholdCharts';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Lift, cumulative gain and calibration of a binary model (loaded with ECharts), each with its numbers behind it. */
export function BinaryInsightCharts({ model }: { model: ModelDetail }) {
  const gains = model.curves.gains;
  const calibration = model.curves.calibration;
  const options = useMemo(
    () => ({
      gain: gains?.length ? gainOption(gains) : null,
      lift: gains?.length ? liftOption(gains) : null,
      calibration: calibration?.length ? calibrationOption(calibration) : null,
    }),
    [gains, calibration],
  );
  if (!options.gain && !options.calibration) {
    return <p className="muted">This model was trained before lift and calibration were stored: train it again to see them.</p>;
  }
  const gainRows = (gains ?? []).map((g) => [pct(g.population), pct(g.gain), g.lift.toFixed(2)]);
  return (
    <div className="chart-grid">
      {options.gain && (
        <figure className="card">
          <figcaption>Cumulative gain (validation rows)</figcaption>
          <EChart option={options.gain} testId="chart-gain" ariaLabel="Cumulative gain: share of positives found against share of rows taken, most probable first" />
          <ChartData caption="Cumulative gain and lift" columns={['Top rows', 'Positives found', 'Lift']} rows={gainRows} />
        </figure>
      )}
      {options.lift && (
        <figure className="card">
          <figcaption>Lift (validation rows)</figcaption>
          <EChart option={options.lift} testId="chart-lift" ariaLabel="Lift against share of rows taken, most probable first" />
          <ChartData caption="Lift" columns={['Top rows', 'Lift']} rows={(gains ?? []).map((g) => [pct(g.population), g.lift.toFixed(2)])} />
        </figure>
      )}
      {options.calibration && (
        <figure className="card">
          <figcaption>Calibration (reliability curve)</figcaption>
          <EChart option={options.calibration} testId="chart-calibration" ariaLabel="Mean predicted probability against the observed share of positives, per bin" />
          <ChartData
            caption="Calibration bins"
            columns={['Predicted between', 'Mean predicted', 'Observed positive', 'Rows']}
            rows={(calibration ?? []).map((b) => [`${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`, b.meanPredicted.toFixed(3), pct(b.observed), b.count])}
          />
        </figure>
      )}
    </div>
  );
}
