export default function CreditsPage() {
  return (
    <section>
      <h1>CreditsPage</h1>
    </section>
  );
}
