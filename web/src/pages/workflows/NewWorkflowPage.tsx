import { Link, useSearchParams } from 'react-router';
import PageHeading from '../../components/PageHeading';
import CreateWorkflowForm from './CreateWorkflowForm';
import '../registry/registry.css';
import './workflows.css';

/** The create form on a page of its own: the job page's "Retrain automatically" opens it with the job (?job=id). */
export default function NewWorkflowPage() {
  const [params] = useSearchParams();
  const job = params.get('job') ?? undefined;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/workflows">Workflows</Link>
      </p>
      <div className="page-head">
        <PageHeading title="New workflow" />
      </div>
      <p className="muted">
        A workflow trains a candidate on the newest version of the data set when you run it, on a schedule or when a new version arrives, and
        promotes it when it beats the model in production on rows neither trained on.
      </p>
      <CreateWorkflowForm key={job} jobId={job} />
    </section>
  );
}
