import { useMemo } from 'react';
import ChartData from '../../components/ChartData';
import EChart from '../../components/EChart';
import { hourLabel, latencyPerHourOption, requestsPerHourOption, type HourPoint } from '../../components/charts/registryCharts';
import { formatMs } from './endpointFormat';

/** Requests and latency (p50, p95) per hour, loaded lazily with ECharts, each with its numbers behind it. */
export default function EndpointCharts({ hours }: { hours: HourPoint[] }) {
  const traffic = useMemo(() => requestsPerHourOption(hours), [hours]);
  const latency = useMemo(() => latencyPerHourOption(hours), [hours]);
  return (
    <div className="chart-grid">
      <figure className="card">
        <figcaption>Requests per hour (UTC)</figcaption>
        <EChart option={traffic} height={240} testId="chart-requests" ariaLabel="Requests per hour over the last 24 hours" />
        <ChartData caption="Requests per hour" columns={['Hour (UTC)', 'Requests']} rows={hours.map((h) => [hourLabel(h.hour), h.requests])} />
      </figure>
      <figure className="card">
        <figcaption>Latency per hour: p50 and p95</figcaption>
        <EChart option={latency} height={240} testId="chart-latency" ariaLabel="Median and 95th percentile latency per hour, in milliseconds" />
        <ChartData
          caption="Latency per hour"
          columns={['Hour (UTC)', 'p50', 'p95']}
          rows={hours.map((h) => [hourLabel(h.hour), formatMs(h.p50Ms), formatMs(h.p95Ms)])}
        />
      </figure>
    </div>
  );
}
