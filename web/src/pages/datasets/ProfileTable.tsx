import { lazy, Suspense } from 'react';
import type { ColumnProfile } from '../../api/types';
import { formatNumber } from '../../components/format';
import WhenVisible from '../../components/WhenVisible';

// ECharts arrives in its own chunk, after the table has been drawn.
const Histogram = lazy(() => import('./Histogram'));

function Summary({ column }: { column: ColumnProfile }) {
  if (column.type === 'numeric' && column.mean !== null) {
    return (
      <span className="nowrap">
        {formatNumber(column.min)} … {formatNumber(column.max)}, mean {formatNumber(column.mean)}
      </span>
    );
  }
  if (column.topCategories.length > 0) {
    return (
      <span>
        {column.topCategories.slice(0, 3).map((c, i) => (
          <span key={c.value} className="nowrap">
            {i > 0 && ', '}
            {c.value === '' ? '(empty)' : c.value} <span className="muted">({c.count.toLocaleString()})</span>
          </span>
        ))}
      </span>
    );
  }
  return <span className="muted">—</span>;
}

export default function ProfileTable({ columns, rows, target }: { columns: ColumnProfile[]; rows: number | null; target: string | null }) {
  return (
    <div className="table-wrap">
      <table aria-label="Column profile" className="sticky-first">
        <thead>
          <tr>
            <th>Column</th>
            <th>Type</th>
            <th className="num">Missing</th>
            <th className="num">Distinct</th>
            <th>Distribution</th>
            <th>Range or top values</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.name}>
              <td className="nowrap">
                {c.name} {c.name === target && <span className="chip">suggested target</span>}
              </td>
              <td>{c.type}</td>
              <td className="num nowrap">
                {c.missing.toLocaleString()}
                {rows ? <span className="muted"> ({Math.round((100 * c.missing) / rows)}%)</span> : null}
              </td>
              <td className="num">{c.distinct.toLocaleString()}</td>
              <td>
                {c.type === 'numeric' && c.histogram.length > 0 ? (
                  <WhenVisible width={120} height={36}>
                    <Suspense fallback={null}>
                      <Histogram bins={c.histogram} column={c.name} />
                    </Suspense>
                  </WhenVisible>
                ) : null}
              </td>
              <td>
                <Summary column={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
