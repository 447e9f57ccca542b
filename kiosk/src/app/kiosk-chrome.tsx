import { useEffect, useState } from 'react';
import { HelpBar } from '../components/help-bar';
import { IdleWarningDialog } from '../components/idle-warning-dialog';
import { DeviceProblemDialog } from '../components/device-problem-dialog';
import { useDeviceCheck } from '../visit/use-device-check';
import { useKioskController } from '../visit/use-kiosk-controller';
import { useKioskSnapshot } from '../visit/use-kiosk-snapshot';
import { useMessages } from '../visit/use-messages';

/** Where 「職員を呼ぶ」 starts a call: the screens before anyone is waiting or talking. */
const CAN_CALL = new Set(['idle', 'start', 'checkIn', 'walkIn']);
/** Once a call is under way, a device notice would only be in the way. */
const CALL_STATES = new Set(['inCall', 'survey', 'ended']);

/**
 * What sits over every screen: 「職員を呼ぶ」 and 「文字を大きく」 in one fixed place, and
 * 「続けますか？」 when nobody has touched the screen for a while.
 */
export function KioskChrome() {
  const controller = useKioskController();
  const { state, idleWarningEndsAt, call, config } = useKioskSnapshot();
  const devices = useDeviceCheck(state.name, config?.kiosk.cameraRoles ?? null);
  const messages = useMessages();
  const [largeText, setLargeText] = useState(false);
  const backAtIdle = state.name === 'idle';

  // The next resident starts with the normal size, as with the language.
  useEffect(() => {
    if (backAtIdle) setLargeText(false);
  }, [backAtIdle]);

  useEffect(() => {
    document.documentElement.classList.toggle('kiosk--large-text', largeText);
  }, [largeText]);

  const canCall = CAN_CALL.has(state.name) && call?.connection === 'connected' && !(state.name === 'checkIn' && state.submitting);
  return (
    <>
      <HelpBar
        labels={messages.help}
        canCall={canCall}
        largeText={largeText}
        onCallStaff={() => controller.callForHelp()}
        onLargeText={setLargeText}
      />
      {devices.problems.length > 0 && !CALL_STATES.has(state.name) ? (
        <DeviceProblemDialog
          problems={devices.problems}
          checking={devices.checking}
          labels={messages.deviceCheck}
          continueLabel={messages.idleWarning.continue}
          onRetry={devices.retry}
          onDismiss={devices.dismiss}
        />
      ) : null}
      {idleWarningEndsAt !== null ? (
        <IdleWarningDialog endsAt={idleWarningEndsAt} labels={messages.idleWarning} onContinue={() => controller.noteActivity()} />
      ) : null}
    </>
  );
}
