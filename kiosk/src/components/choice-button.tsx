import type { PictogramName } from './pictogram';
import { Pictogram } from './pictogram';

export interface ChoiceButtonProps {
  icon: PictogramName;
  label: string;
  hint?: string;
  onClick: () => void;
  disabled?: boolean;
}

/** A large card-like button: pictogram, word and an optional line of explanation. */
export function ChoiceButton({ icon, label, hint, onClick, disabled = false }: ChoiceButtonProps) {
  return (
    <button type="button" className="choice-button" onClick={onClick} disabled={disabled}>
      <Pictogram name={icon} className="choice-button__icon" />
      <span className="choice-button__label">{label}</span>
      {hint ? <span className="choice-button__hint">{hint}</span> : null}
    </button>
  );
}
