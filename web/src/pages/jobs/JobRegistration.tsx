import { Link } from 'react-router';
import type { Job } from '../../api/types';

/** What became of a training job's registration: the version it added, why it could not, or what it will do. */
export default function JobRegistration({ job }: { job: Job }) {
  const name = job.registeredModel;
  if (!name) return null;
  const link = <Link to={`/registered-models/${encodeURIComponent(name)}`}>{name}</Link>;
  if (job.registeredVersion !== null && job.registeredVersion !== undefined) {
    return (
      <p className="notice" data-testid="job-registration">
        Its model is version {job.registeredVersion} of {link}.
      </p>
    );
  }
  if (job.registrationProblem) {
    return (
      <div className="warning" role="note" data-testid="job-registration">
        The model was not added to {link}: {job.registrationProblem}
      </div>
    );
  }
  if (job.status === 'failed' || job.status === 'cancelled') return null;
  return (
    <p className="muted" data-testid="job-registration">
      When training succeeds, its model becomes the next version of {link}.
    </p>
  );
}
