import { BigButton } from '../components/big-button';
import { CallingAnimation } from '../components/calling-animation';
import { ScreenFrame } from '../components/screen-frame';
import { messages } from '../messages';

export interface WaitingScreenProps {
  queuePosition: number | null;
  connected: boolean;
  onCancel: () => void;
}

export function WaitingScreen({ queuePosition, connected, onCancel }: WaitingScreenProps) {
  return (
    <ScreenFrame name="waiting">
      <CallingAnimation />
      <h1 className="screen__title" role="status">
        {messages.waiting.title}
      </h1>
      <p className="screen__lead">{messages.waiting.lead}</p>
      {queuePosition !== null && queuePosition > 1 ? (
        <p className="waiting__position">{messages.waiting.position(queuePosition)}</p>
      ) : null}
      {connected ? null : <p className="screen__hint">{messages.waiting.reconnecting}</p>}
      <BigButton variant="quiet" onClick={onCancel}>
        {messages.waiting.cancel}
      </BigButton>
    </ScreenFrame>
  );
}
