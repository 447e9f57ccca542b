import { BigButton } from '../components/big-button';
import { CallingAnimation } from '../components/calling-animation';
import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../session/use-messages';

export interface WaitingScreenProps {
  queuePosition: number | null;
  estimatedWaitSeconds: number | null;
  /** A checked-in booking; gone from the screen with this state. */
  residentName: string | null;
  /** Set after a specialist handed the call on to another department. */
  departmentName: string | null;
  connected: boolean;
  onCancel: () => void;
}

export function WaitingScreen({ queuePosition, estimatedWaitSeconds, residentName, departmentName, connected, onCancel }: WaitingScreenProps) {
  const { waiting, transferred } = useMessages();
  let title = residentName ? waiting.resident(residentName) : waiting.title;
  if (departmentName) title = transferred(departmentName);
  return (
    <ScreenFrame name="waiting">
      <CallingAnimation />
      <div className="waiting__text">
        <h1 className="screen__title" role="status">
          {title}
        </h1>
        <p className="screen__lead">{waiting.lead}</p>
        {queuePosition !== null && queuePosition > 1 ? <p className="waiting__position">{waiting.position(queuePosition)}</p> : null}
        {estimatedWaitSeconds !== null ? (
          <p className="waiting__position">{waiting.estimate(Math.max(1, Math.round(estimatedWaitSeconds / 60)))}</p>
        ) : null}
        {connected ? null : <p className="screen__hint">{waiting.reconnecting}</p>}
        <BigButton variant="quiet" onClick={onCancel}>
          {waiting.cancel}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
