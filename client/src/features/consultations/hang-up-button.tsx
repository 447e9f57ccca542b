import { ConfirmedActionButton } from '../../components/confirmed-action-button';
import { consoleMessages } from '../../i18n/console-messages';
import { messages } from '../../i18n/messages';

const t = consoleMessages.hangUpConfirm;

/**
 * 通話を終了, asked once more first: a mis-click would drop a resident who may have travelled to
 * the kiosk for this call. 通話を続ける has the focus, so Enter or Esc keep the call.
 */
export function HangUpButton({ onHangUp }: { onHangUp: () => Promise<void> }) {
  return <ConfirmedActionButton label={messages.call.hangUp} className="button button--danger call__hangup" texts={t} onConfirm={onHangUp} />;
}
