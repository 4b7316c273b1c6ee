import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useReadyDatasets } from '../../api/jobs';
import { uploadAndWait, useBatchPrediction, useFollowedJob } from '../../api/models';
import ProblemAlert from '../../components/ProblemAlert';
import ProgressBar from '../../components/ProgressBar';
import { shortId } from '../jobs/jobFormat';

/** Batch prediction: a data set (picked, or uploaded here) → a prediction job → its CSV. */
export default function BatchPanel({ modelId }: { modelId: string }) {
  const datasets = useReadyDatasets();
  const client = useQueryClient();
  const [datasetId, setDatasetId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string | undefined>();
  const batch = useBatchPrediction(modelId);
  const job = useFollowedJob(jobId);

  // The newest data set when none is chosen, set while rendering (not in an effect) so no frame shows none.
  if (!datasetId && datasets.data?.length) setDatasetId(datasets.data[0].id);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    let id = datasetId;
    if (file) {
      try {
        setUploading('uploading');
        const dataset = await uploadAndWait(file, setUploading);
        id = dataset.id;
        setDatasetId(id);
        setFile(null);
        void client.invalidateQueries({ queryKey: ['datasets'] });
      } catch (err) {
        setUploadError(err);
        return;
      } finally {
        setUploading(null);
      }
    }
    if (!id) return;
    batch.mutate(id, { onSuccess: (j) => setJobId(j.id) });
  };

  const j = job.data;
  return (
    <form className="card stack" onSubmit={(e) => void onSubmit(e)} aria-label="Batch prediction">
      <div className="batch-fields">
        <label>
          Data set to predict
          <select value={datasetId} onChange={(e) => setDatasetId(e.target.value)} disabled={!!file}>
            {(datasets.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
                {d.rows !== null ? ` (${d.rows.toLocaleString()} rows)` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Or upload a file
          <input type="file" accept=".csv,.tsv,.parquet,.json,.jsonl,.xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
      </div>
      <ProblemAlert error={uploadError ?? batch.error ?? datasets.error} />
      <div className="row">
        <button type="submit" disabled={batch.isPending || !!uploading || (!file && !datasetId)}>
          {uploading ? `Reading the file (${uploading})…` : batch.isPending ? 'Starting…' : 'Predict the data set'}
        </button>
        <span className="muted small">Priced per 1,000 rows; the job writes a CSV with one prediction per row.</span>
      </div>
      {j && (
        <div className="batch-job" aria-live="polite">
          <ProgressBar value={j.status === 'succeeded' ? 1 : j.status === 'queued' ? 0 : j.progress} label={`Prediction job ${shortId(j.id)}: ${j.status}`} />
          {j.status === 'succeeded' && (
            <a className="button" href={`/api/v1/models/predictions/${j.id}/result`} download>
              Download predictions CSV
            </a>
          )}
          {j.status === 'failed' && (
            <div className="alert" role="alert">
              <strong>The prediction job failed</strong>
              <p>{j.error ?? 'No reason was recorded.'}</p>
            </div>
          )}
          <Link to={`/jobs/${j.id}`}>Open the job</Link>
        </div>
      )}
    </form>
  );
}
