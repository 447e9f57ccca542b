import { BigButton } from '../components/big-button';
import { CallingAnimation } from '../components/calling-animation';
import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../session/use-messages';

export interface WaitingScreenProps {
  queuePosition: number | null;
  /** A checked-in booking; gone from the screen with this state. */
  residentName: string | null;
  connected: boolean;
  onCancel: () => void;
}

export function WaitingScreen({ queuePosition, residentName, connected, onCancel }: WaitingScreenProps) {
  const { waiting } = useMessages();
  return (
    <ScreenFrame name="waiting">
      <CallingAnimation />
      <h1 className="screen__title" role="status">
        {residentName ? waiting.resident(residentName) : waiting.title}
      </h1>
      <p className="screen__lead">{waiting.lead}</p>
      {queuePosition !== null && queuePosition > 1 ? <p className="waiting__position">{waiting.position(queuePosition)}</p> : null}
      {connected ? null : <p className="screen__hint">{waiting.reconnecting}</p>}
      <BigButton variant="quiet" onClick={onCancel}>
        {waiting.cancel}
      </BigButton>
    </ScreenFrame>
  );
}
