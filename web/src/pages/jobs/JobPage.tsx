// Stub until W2's page lands.
export default function JobPage() {
  return (
    <section>
      <h1>Job</h1>
      <p className="muted">This page is being built.</p>
    </section>
  );
}
