export default function LoginPage() {
  return (
    <section>
      <h1>LoginPage</h1>
    </section>
  );
}
