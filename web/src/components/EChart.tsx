import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * Our only bridge to ECharts (ADR: chart library). Callers register the chart types and components
 * they use with `echarts.use([...])` from 'echarts/core', so each route's chunk carries only its charts.
 * The container gets data-rendered="true" once ECharts reports 'finished', which browser tests wait for.
 */
export default function EChart({
  option,
  height = 280,
  testId,
  ariaLabel,
  className,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
  ariaLabel: string;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => el.setAttribute('data-rendered', 'true'));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      el.removeAttribute('data-rendered');
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      className={className ?? 'chart'}
      style={{ height }}
      data-testid={testId}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
