import { Link } from 'react-router';
import { useJobs } from '../../api/jobs';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatScore, formatWhen, shortId } from './jobFormat';
import './jobs.css';
import LoadMore from '../../components/LoadMore';

export default function JobsPage() {
  const jobs = useJobs();
  const items = jobs.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section>
      <div className="page-head">
        <PageHeading title="Jobs" />
        <Link className="button" to="/train">
          New training
        </Link>
      </div>
      {jobs.isPending && <Spinner label="Loading your jobs" />}
      <ProblemAlert error={jobs.error} />
      {jobs.data && items.length === 0 && (
        <div className="card">
          <p>No jobs yet. Train a model on one of your data sets to see it here.</p>
        </div>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="jobs-table">
            <thead>
              <tr>
                <th>Job</th>
                <th>Status</th>
                <th className="hide-phone">Progress</th>
                <th className="num">Score</th>
                <th className="hide-phone">Target</th>
                <th className="hide-phone">Created</th>
                <th>Model</th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <tr key={job.id}>
                  <td>
                    <Link to={`/jobs/${job.id}`} aria-label={`Job ${shortId(job.id)}`}>
                      {job.kind === 'predict' ? 'Prediction' : job.kind === 'evaluate' ? 'Evaluation' : 'Training'} <span className="mono">{shortId(job.id)}</span>
                    </Link>
                  </td>
                  <td className="nowrap">
                    <span className={`chip ${job.status}`}>{job.status}</span>
                    {job.status === 'running' && <span className="show-phone small"> {Math.round(job.progress * 100)}%</span>}
                  </td>
                  <td className="nowrap hide-phone">
                    <span className="mini-progress" aria-hidden="true">
                      <span style={{ width: `${Math.round(job.progress * 100)}%` }} />
                    </span>{' '}
                    {Math.round(job.progress * 100)}%
                  </td>
                  <td className="num">
                    {formatScore(job.bestScore)}
                    {job.metric && job.bestScore !== null ? <span className="muted small hide-phone"> {job.metric}</span> : null}
                  </td>
                  <td className="hide-phone">{job.target ?? '—'}</td>
                  <td className="hide-phone nowrap">{formatWhen(job.createdAt)}</td>
                  <td>{job.modelId && job.kind === 'train' ? <Link to={`/models/${job.modelId}`}>Model</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={jobs} />
    </section>
  );
}
