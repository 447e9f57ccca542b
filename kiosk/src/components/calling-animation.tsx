/** Slow, soft rings: shows that something is happening without hurrying anyone. */
export function CallingAnimation() {
  return (
    <div className="calling-animation" aria-hidden="true">
      <span className="calling-animation__ring" />
      <span className="calling-animation__ring" />
      <span className="calling-animation__ring" />
      <span className="calling-animation__core" />
    </div>
  );
}
