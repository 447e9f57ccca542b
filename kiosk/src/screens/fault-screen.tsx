import { ScreenFrame } from '../components/screen-frame';
import { messages } from '../messages';
import type { FaultKind } from '../session/kiosk-state';

const TEXT: Record<FaultKind, { text: string; contact: boolean; returns: boolean }> = {
  unregistered: { text: messages.fault.unregistered, contact: true, returns: false },
  rejected: { text: messages.fault.rejected, contact: true, returns: false },
  offline: { text: messages.fault.offline, contact: false, returns: false },
  callFailed: { text: messages.fault.callFailed, contact: false, returns: true },
  noAnswer: { text: messages.fault.noAnswer, contact: false, returns: true },
  unexpected: { text: messages.fault.unexpected, contact: false, returns: true },
};

export function FaultScreen({ fault }: { fault: FaultKind }) {
  const { text, contact, returns } = TEXT[fault];
  return (
    <ScreenFrame name="fault">
      <p className="screen__title" role="alert">
        {text}
      </p>
      {contact ? <p className="screen__lead">{messages.fault.contact}</p> : null}
      {returns ? <p className="screen__hint">{messages.fault.returning}</p> : null}
    </ScreenFrame>
  );
}
