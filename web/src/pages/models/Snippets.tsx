import { useState } from 'react';
import { Link } from 'react-router';
import type { CellValue, ModelDetail } from '../../api/models';

/** Ready-to-run calls of this model with curl, the C# SDK (AutoMl.Sdk) and the CLI (automl), each with a copy button. */
export default function Snippets({ model, row }: { model: ModelDetail; row: Record<string, CellValue> }) {
  const origin = window.location.origin;
  const json = JSON.stringify({ rows: [row] });
  const curl = [
    `curl -X POST "${origin}/api/v1/models/${model.id}/predict" \\`,
    `  -H "Authorization: Bearer $AUTOML_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${json.replace(/'/g, "'\\''")}'`,
  ].join('\n');
  const csharp = [
    'using AutoMl.Sdk;',
    '',
    'using var client = new AutoMlClient(new AutoMlClientOptions',
    '{',
    `    BaseAddress = new Uri("${origin}/"),`,
    '    ApiKey = Environment.GetEnvironmentVariable("AUTOML_API_KEY")!,',
    '});',
    '',
    `var predictions = await client.Models.PredictAsync(Guid.Parse("${model.id}"), [`,
    '    new Dictionary<string, object?>',
    '    {',
    ...Object.entries(row).map(([k, v]) => `        [${JSON.stringify(k)}] = ${csharpValue(v)},`),
    '    },',
    ']);',
    'Console.WriteLine(predictions[0].Label ?? predictions[0].Value?.ToString());',
  ].join('\n');
  const cli = [
    `export AUTOML_URL=${origin}`,
    'export AUTOML_API_KEY=aml_…   # or: automl login',
    `automl predict --model ${model.id} --input rows.csv --output predictions.csv`,
    `automl models download ${model.id}${model.export.onnx ? '   # or --format onnx' : ''}`,
  ].join('\n');
  return (
    <div className="snippets">
      <Snippet title="curl" code={curl} />
      <Snippet title="C# (AutoMl.Sdk)" code={csharp} />
      <Snippet title="CLI (automl)" code={cli} />
      <p className="muted small">
        Create an API key on the <Link to="/keys">API keys</Link> page and set it as AUTOML_API_KEY.
      </p>
    </div>
  );
}

function csharpValue(v: CellValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : `${v}`;
  return JSON.stringify(v);
}

function Snippet({ title, code }: { title: string; code: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <div className="snippet">
      <div className="snippet-head">
        <h3>{title}</h3>
        <button type="button" className="secondary small" onClick={() => void copy()} aria-label={`Copy the ${title} snippet`}>
          {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Select and copy' : 'Copy'}
        </button>
      </div>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
