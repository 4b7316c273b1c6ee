export default function VerifyEmailPage() {
  return (
    <section>
      <h1>VerifyEmailPage</h1>
    </section>
  );
}
