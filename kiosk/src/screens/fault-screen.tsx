import { ScreenFrame } from '../components/screen-frame';
import type { FaultKind } from '../visit/kiosk-state';
import { useMessages } from '../visit/use-messages';

/** `offline` lasts until the server is back; the others give way to Idle after a while. */
const RETURNS_TO_IDLE: Record<FaultKind, boolean> = {
  offline: false,
  callFailed: true,
  noAnswer: true,
  unexpected: true,
};

export function FaultScreen({ fault }: { fault: FaultKind }) {
  const messages = useMessages();
  return (
    <ScreenFrame name="fault">
      <p className="screen__title" role="alert">
        {messages.fault[fault]}
      </p>
      {RETURNS_TO_IDLE[fault] ? <p className="screen__hint">{messages.fault.returning}</p> : null}
    </ScreenFrame>
  );
}
