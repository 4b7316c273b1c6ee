import type { ModelDetail } from '../../api/models';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** A multiclass model's precision, recall and F1 per class (one against the rest) on the validation rows. */
export default function PerClassTable({ model }: { model: ModelDetail }) {
  const classes = model.curves.perClass;
  if (!classes?.length) return <p className="muted">This model was trained before per-class metrics were stored: train it again to see them.</p>;
  return (
    <div className="table-wrap catalog-wrap">
      <table data-testid="per-class">
        <caption className="visually-hidden">Precision, recall and F1 per class on the validation rows</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col" className="num">Precision</th>
            <th scope="col" className="num">Recall</th>
            <th scope="col" className="num">F1</th>
            <th scope="col" className="num">Rows</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.label}>
              <th scope="row">{c.label}</th>
              <td className="num">{pct(c.precision)}</td>
              <td className="num">{pct(c.recall)}</td>
              <td className="num">{pct(c.f1)}</td>
              <td className="num">{c.support}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
