// Colours of W2's charts, matching styles.css's variables (canvas cannot read CSS variables cheaply).
export const colors = {
  primary: '#2563eb',
  muted: '#94a3b8',
  text: '#1b1f24',
  positive: '#dc2626',
  negative: '#2563eb',
  ok: '#15803d',
  grid: '#e5e7eb',
};

export const animation = { animationDuration: 300, animationDurationUpdate: 200 };

/** A short number for axis labels and tooltips. */
export function short(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e6)) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}
