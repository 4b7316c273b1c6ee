import type { MouseEvent } from 'react';

/** The first Tab stop of every page: keyboard users jump past the navigation to the page's content. */
export default function SkipLink() {
  // Focus is moved by hand: a plain #main link would put the fragment in the address, which the router then keeps.
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    e.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      Skip to main content
    </a>
  );
}
