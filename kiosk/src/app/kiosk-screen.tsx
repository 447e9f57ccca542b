import { EndedScreen } from '../screens/ended-screen';
import { FaultScreen } from '../screens/fault-screen';
import { IdleScreen } from '../screens/idle-screen';
import { InCallScreen } from '../screens/in-call-screen';
import { StartingScreen } from '../screens/starting-screen';
import { WaitingScreen } from '../screens/waiting-screen';
import { useKioskSession } from '../session/use-kiosk-session';
import { useKioskSnapshot } from '../session/use-kiosk-snapshot';

/** Exactly one screen per kiosk state. */
export function KioskScreen() {
  const session = useKioskSession();
  const { state, kiosk, call } = useKioskSnapshot();
  switch (state.name) {
    case 'starting':
      return <StartingScreen />;
    case 'idle':
      return <IdleScreen kiosk={kiosk} connection={call?.connection ?? 'idle'} onCallStaff={() => void session.callStaff()} />;
    case 'calling':
      return (
        <WaitingScreen
          queuePosition={state.queuePosition}
          connected={call?.connection === 'connected'}
          onCancel={() => void session.cancel()}
        />
      );
    case 'inCall':
      return <InCallScreen staffName={state.staffName} call={call} onHangUp={() => void session.hangUp()} />;
    case 'ended':
      return <EndedScreen reason={state.reason} />;
    case 'fault':
      return <FaultScreen fault={state.fault} />;
  }
}
