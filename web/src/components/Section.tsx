import { useId, type ReactNode } from 'react';

/** A card with an h2 that names it, so each part of a page (a settings form, an admin panel) is a region a screen reader (and a test) finds by its title. */
export default function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
    </section>
  );
}
