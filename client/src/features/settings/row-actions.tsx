import { common } from '../../i18n/common-messages';

export interface RowButtonProps {
  /** The accessible name, naming the row (「税務課 を編集」): the visible text is the same on every row. */
  label: string;
  text: string;
  /** A red outline, for taking something away (deactivate, revoke). */
  danger?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

/** One small button in a settings table's actions cell. */
export function RowButton({ label, text, danger = false, disabled, onClick }: RowButtonProps) {
  return (
    <button type="button" className={`button button--small ${danger ? 'button--danger-outline' : 'button--secondary'}`} aria-label={label} disabled={disabled} onClick={onClick}>
      {text}
    </button>
  );
}

/** The per-row accessible names; the department and staff message sets both have them. */
export interface ActivationTexts {
  deactivate: (name: string) => string;
  reactivate: (name: string) => string;
}

export interface ActivationButtonProps {
  active: boolean;
  /** The row's name, for the accessible names. */
  name: string;
  texts: ActivationTexts;
  /** Reactivation runs at once, without asking, so it waits while another change is in flight. */
  busy: boolean;
  /** E.g. members cannot deactivate themselves. */
  cannotDeactivate?: boolean;
  onDeactivate: () => void;
  onReactivate: () => void;
}

/** 無効にする while the record is active, 有効にする once it is not. */
export function ActivationButton({ active, name, texts, busy, cannotDeactivate, onDeactivate, onReactivate }: ActivationButtonProps) {
  return active ? (
    <RowButton danger label={texts.deactivate(name)} text={common.actions.deactivate} disabled={cannotDeactivate} onClick={onDeactivate} />
  ) : (
    <RowButton label={texts.reactivate(name)} text={common.actions.reactivate} disabled={busy} onClick={onReactivate} />
  );
}
