// Stub until W2's page lands.
export default function ModelPage() {
  return (
    <section>
      <h1>Model</h1>
      <p className="muted">This page is being built.</p>
    </section>
  );
}
