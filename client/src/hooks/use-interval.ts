import { useEffect, useRef } from 'react';

/** Calls `callback` every `intervalMs` while mounted (skipped while the tab is hidden). */
export function useInterval(callback: () => void, intervalMs: number): void {
  const ref = useRef(callback);
  useEffect(() => {
    ref.current = callback;
  });
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') ref.current();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
}
