import type { ReactNode } from 'react';
import SkipLink from './SkipLink';

/** The frame of a page outside the signed-in layout (sign-in, sign-up, not found): the skip link and the main landmark. */
export default function PublicPage({ className, children }: { className: string; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <main id="main" tabIndex={-1} className={className}>
        {children}
      </main>
    </>
  );
}
