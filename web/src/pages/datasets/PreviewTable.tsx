import { useDatasetPreview } from '../../api/datasets';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';

export default function PreviewTable({ id }: { id: string }) {
  const preview = useDatasetPreview(id, true);
  if (preview.isPending) return <Spinner label="Loading preview" />;
  if (preview.error) return <ProblemAlert error={preview.error} />;
  const { columns, rows } = preview.data;
  return (
    <div className="table-wrap">
      <table aria-label="Preview">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={typeof cell === 'number' ? 'num nowrap' : 'nowrap'}>
                  {cell === null ? <span className="muted">–</span> : String(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
