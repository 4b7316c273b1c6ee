// Stub until W2's page lands.
export default function TrainPage() {
  return (
    <section>
      <h1>Train a model</h1>
      <p className="muted">This page is being built.</p>
    </section>
  );
}
