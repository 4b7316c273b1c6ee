import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders its children once their place scrolls near the viewport: a profile of hundreds of columns
 * then creates only the charts someone looks at, and the page's first paint does not wait for them.
 */
export default function WhenVisible({ children, width, height }: { children: ReactNode; width: number; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || visible) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [visible]);
  return (
    <div ref={ref} style={{ width, minHeight: height }}>
      {visible ? children : null}
    </div>
  );
}
