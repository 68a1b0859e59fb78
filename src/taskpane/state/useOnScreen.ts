import { useEffect, useState } from 'react';

/**
 * Whether the whole element is on screen, followed with an IntersectionObserver (which sees through
 * the task pane's scrolling). `undefined` before the element exists and where there is no observer:
 * callers then treat it as off screen. Returns the ref to put on the element.
 */
export function useOnScreen<T extends Element>(): [boolean | undefined, (el: T | null) => void] {
  const [element, setElement] = useState<T | null>(null);
  const [onScreen, setOnScreen] = useState<boolean>();
  useEffect(() => {
    setOnScreen(undefined);
    if (!element || typeof IntersectionObserver === 'undefined') return;
    // 0.99, not 1: a table whose last pixel row is cut by rounding is still read whole.
    const observer = new IntersectionObserver((entries) => setOnScreen(entries[entries.length - 1].intersectionRatio >= 0.99), { threshold: [0, 0.99] });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [onScreen, setElement];
}
