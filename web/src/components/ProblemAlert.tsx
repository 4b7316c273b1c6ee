import { ProblemError } from '../api/client';

/** Shows an API problem (title, detail, per-field errors) or any other error; every form renders one on failure. */
export default function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const problem =
    error instanceof ProblemError
      ? error
      : new ProblemError(0, 'Something went wrong', error instanceof Error ? error.message : typeof error === 'string' ? error : undefined);
  const fieldErrors = Object.entries(problem.errors ?? {}).flatMap(([field, messages]) =>
    messages.map((m) => ({ field, message: m })),
  );
  // The validation detail repeats the field messages; show them once, as a list.
  const showDetail = problem.detail && !(fieldErrors.length > 0 && fieldErrors.every((f) => problem.detail!.includes(f.message)));
  return (
    <div className="alert" role="alert">
      <strong>{problem.title}</strong>
      {showDetail && <p>{problem.detail}</p>}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
