import type { KioskProfile } from '@contract/rest';
import type { ConnectionState } from '@media/call-session-types';
import { BigButton } from '../components/big-button';
import { Clock } from '../components/clock';
import { ScreenFrame } from '../components/screen-frame';
import { messages } from '../messages';

export interface IdleScreenProps {
  kiosk: KioskProfile | null;
  connection: ConnectionState;
  onCallStaff: () => void;
}

export function IdleScreen({ kiosk, connection, onCallStaff }: IdleScreenProps) {
  const ready = connection === 'connected';
  return (
    <ScreenFrame name="idle">
      <header className="idle__place">
        <p className="idle__location">{kiosk?.location ?? ''}</p>
        <p className="idle__name">{kiosk?.name ?? messages.appTitle}</p>
      </header>
      <Clock />
      <p className="idle__lead">{messages.idle.lead}</p>
      <BigButton size="huge" onClick={onCallStaff} disabled={!ready}>
        {messages.idle.callStaff}
      </BigButton>
      <p className="idle__status" role="status">
        {ready ? '' : messages.idle.notReady}
      </p>
    </ScreenFrame>
  );
}
