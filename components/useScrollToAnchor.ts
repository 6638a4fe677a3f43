import { useEffect } from 'preact/hooks';

/** Brings the chosen part or section into view once it is rendered. */
export function useScrollToAnchor(anchor: string | null): void {
  useEffect(() => {
    if (!anchor) return;
    const target = document.getElementById(anchor);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [anchor]);
}
