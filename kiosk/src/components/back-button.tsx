import { Pictogram } from './pictogram';

export interface BackButtonProps {
  label: string;
  onClick: () => void;
  disabled?: boolean;
}

/**
 * 「戻る」 in the top-left corner, level with the help bar in the top-right one: the same
 * place on every screen that has it, and out of the way of the choices below.
 */
export function BackButton({ label, onClick, disabled = false }: BackButtonProps) {
  return (
    <button type="button" className="back-button" onClick={onClick} disabled={disabled}>
      <Pictogram name="back" className="back-button__icon" />
      {label}
    </button>
  );
}
