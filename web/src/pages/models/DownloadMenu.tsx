import type { ModelDetail } from '../../api/models';

/**
 * The model's downloads: its bundle (for the AutoMl.Runtime package) and, when the featuriser can be written in ONNX
 * operators, an ONNX file; otherwise the reason in words, where the link would be.
 */
export default function DownloadMenu({ model }: { model: ModelDetail }) {
  const base = `/api/v1/models/${model.id}/download`;
  return (
    <details className="download-menu">
      <summary className="button secondary">Download</summary>
      <ul>
        <li>
          <a href={`${base}?format=bundle`} download>
            Model bundle (.automl)
          </a>
          <span className="muted small">Runs offline with the AutoMl.Runtime NuGet package.</span>
        </li>
        <li>
          {model.export.onnx ? (
            <>
              <a href={`${base}?format=onnx`} download>
                ONNX (.onnx)
              </a>
              <span className="muted small">Featurisation included: one input per column, for any ONNX runtime.</span>
            </>
          ) : (
            <>
              <span className="disabled-item" aria-disabled="true">
                ONNX (.onnx) — not available
              </span>
              <span className="muted small" role="note">
                {model.export.onnxRefusal}
              </span>
            </>
          )}
        </li>
      </ul>
    </details>
  );
}
