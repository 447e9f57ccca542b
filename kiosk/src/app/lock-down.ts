/**
 * A public kiosk has no keyboard and many curious fingers: no context menu, no pinch
 * zoom, no dragging images out of the page. Returns the function that undoes it.
 */
export function lockDown(): () => void {
  const prevent = (event: Event) => event.preventDefault();
  const options = { passive: false } as const;
  document.addEventListener('contextmenu', prevent);
  document.addEventListener('dragstart', prevent);
  // Safari's pinch gesture events; Chromium's pinch is stopped by `touch-action` in the CSS.
  document.addEventListener('gesturestart', prevent, options);
  return () => {
    document.removeEventListener('contextmenu', prevent);
    document.removeEventListener('dragstart', prevent);
    document.removeEventListener('gesturestart', prevent);
  };
}
