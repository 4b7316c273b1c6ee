import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

// The first page of a visit keeps the browser's own focus (a sign-in form's autofocus); after that, a screen reader
// user needs to hear that the page changed, so each navigation moves focus to the new page's heading.
let firstPage = true;

/** A page's one h1: it names the browser tab after the page and takes focus when the user navigates to it. */
export default function PageHeading({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = `${title} · AutoMl`;
  }, [title]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, [pathname]);

  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children ?? title}
    </h1>
  );
}
