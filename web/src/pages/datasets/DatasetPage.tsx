export default function DatasetPage() {
  return (
    <section>
      <h1>DatasetPage</h1>
    </section>
  );
}
