// Stub until W2's page lands.
export default function JobsPage() {
  return (
    <section>
      <h1>Jobs</h1>
      <p className="muted">This page is being built.</p>
    </section>
  );
}
