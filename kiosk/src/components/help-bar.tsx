export interface HelpBarProps {
  labels: { callStaff: string; largeText: string };
  /** False while a call is already waiting or running: the button stays, but does nothing. */
  canCall: boolean;
  largeText: boolean;
  onCallStaff: () => void;
  onLargeText: (on: boolean) => void;
}

/** The same two buttons in the same corner of every screen (WCAG 3.2.6 consistent help). */
export function HelpBar({ labels, canCall, largeText, onCallStaff, onLargeText }: HelpBarProps) {
  return (
    <aside className="help-bar" aria-label={labels.callStaff}>
      <button type="button" className="help-bar__button" aria-pressed={largeText} onClick={() => onLargeText(!largeText)}>
        <span aria-hidden="true" className="help-bar__icon">
          Aa
        </span>
        {labels.largeText}
      </button>
      <button type="button" className="help-bar__button help-bar__button--call" disabled={!canCall} onClick={onCallStaff}>
        {labels.callStaff}
      </button>
    </aside>
  );
}
