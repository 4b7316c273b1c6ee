// ECharts puts a tooltip formatter's answer into the page as HTML, and the strings in our charts are the user's
// own (class labels, column names): an uploaded label "<img src=x onerror=…>" would run in every viewer's session.

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text with every character HTML gives a meaning to replaced by its entity. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => entities[c]);
}

/**
 * The template tag every tooltip formatter builds its answer with: each interpolated value is escaped, so a
 * formatter cannot forget to (html`actual ${label}: ${count}`).
 */
export function html(parts: TemplateStringsArray, ...values: unknown[]): string {
  return parts.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]) : ''), '');
}
