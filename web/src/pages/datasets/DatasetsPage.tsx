export default function DatasetsPage() {
  return (
    <section>
      <h1>DatasetsPage</h1>
    </section>
  );
}
