import { ConfirmedActionButton } from '../../components/confirmed-action-button';
import { pick } from '../../i18n/language';

const t = pick({
  ja: {
    button: 'キオスクに人がいない',
    title: 'キオスクに人がいませんか？',
    message:
      'キオスクの前に住民の方がいない場合だけ押してください。通話を終了し、記録には「住民不在」と残ります。声をかけても応答がないことを確かめてから押してください。',
    confirm: '住民不在で終了する',
    cancel: '通話を続ける',
  },
  en: {
    button: 'No one at the kiosk',
    title: 'Is no one at the kiosk?',
    message:
      'Use this only when nobody is in front of the kiosk. The call ends and the record says "no one at the kiosk". Call out first and make sure nobody answers.',
    confirm: 'End: no one at the kiosk',
    cancel: 'Keep the call',
  },
});

/**
 * The specialist answered and nobody is there: the kiosk does not reset a waiting resident on
 * its own any more, so the walk-away is told here and recorded with its own reason.
 */
export function ResidentAbsentButton({ disabled, onConfirm }: { disabled: boolean; onConfirm: () => Promise<void> }) {
  return <ConfirmedActionButton label={t.button} className="button button--secondary" texts={t} onConfirm={onConfirm} disabled={disabled} />;
}
