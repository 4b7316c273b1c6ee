export default function SignUpPage() {
  return (
    <section>
      <h1>SignUpPage</h1>
    </section>
  );
}
