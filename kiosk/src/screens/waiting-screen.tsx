import type { WaitOutlook } from '@madoguchi/contract/consultation';
import type { KioskConfig } from '@madoguchi/contract/kiosks';
import { BigButton } from '../components/big-button';
import { CallingAnimation } from '../components/calling-animation';
import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../visit/use-messages';
import { useWaitReassurance } from '../visit/use-wait-reassurance';

export interface WaitingScreenProps {
  queuePosition: number | null;
  estimatedWaitSeconds: number | null;
  /** Unknown until the server's first forecast. */
  outlook: WaitOutlook | null;
  /** A checked-in booking, as much of the name as the town shows on a public screen; gone with this state. */
  residentName: string | null;
  /** Set after a specialist handed the call on to another department. */
  departmentName: string | null;
  connected: boolean;
  /** The town's other ways when nobody can answer. */
  alternatives: KioskConfig['alternatives'] | null;
  reassureMs: number;
  /** 「この窓口で予約する」, when the town offers it and this department can be booked here; else null. */
  onBookHere: (() => void) | null;
  onCancel: () => void;
}

/**
 * Waiting for a specialist: no quick idle timer here (nothing to touch; only after a long quiet
 * wait the controller asks 「続けますか？」), a calm reassurance with the place every minute instead; 「まもなく」 when someone is free, minutes only when everyone who
 * could answer is busy, and the town's other ways when nobody can answer at all.
 */
export function WaitingScreen(props: WaitingScreenProps) {
  const { queuePosition, estimatedWaitSeconds, outlook, residentName, departmentName, connected, alternatives, reassureMs, onBookHere, onCancel } = props;
  const { waiting, transferred, bookHere } = useMessages();
  const waitedMinutes = useWaitReassurance(reassureMs);
  let title = residentName ? waiting.resident(residentName) : waiting.title;
  if (departmentName) title = transferred(departmentName);
  const ahead = queuePosition === null ? null : Math.max(0, queuePosition - 1);
  const phone = alternatives?.counterPhone ?? '';
  const hours = alternatives?.openingHours ?? '';
  return (
    <ScreenFrame name="waiting">
      <CallingAnimation />
      <div className="waiting__text">
        <h1 className="screen__title" role="status">
          {title}
        </h1>
        {outlook === 'nobody' ? (
          <div className="waiting__nobody" role="alert">
            <p className="waiting__nobody-title">{waiting.nobody}</p>
            <p>{phone || hours || onBookHere ? waiting.nobodyLead : waiting.nobodyWait}</p>
            {phone ? <p className="waiting__alternative">{waiting.phone(phone)}</p> : null}
            {hours ? <p className="waiting__alternative">{waiting.hours(hours)}</p> : null}
            {onBookHere ? (
              <div className="waiting__book-here">
                <BigButton onClick={onBookHere}>{bookHere.offer}</BigButton>
                <p className="waiting__alternative waiting__book-here-hint">{bookHere.offerHint}</p>
              </div>
            ) : null}
          </div>
        ) : (
          <p className="screen__lead">{waiting.lead}</p>
        )}
        {queuePosition !== null && queuePosition > 1 ? <p className="waiting__position">{waiting.position(queuePosition)}</p> : null}
        {outlook === 'soon' ? <p className="waiting__position">{waiting.soon}</p> : null}
        {outlook === 'waiting' && estimatedWaitSeconds !== null ? (
          <p className="waiting__position">{waiting.estimate(Math.max(1, Math.round(estimatedWaitSeconds / 60)))}</p>
        ) : null}
        <p className="waiting__reassure" role="status">
          {waitedMinutes !== null ? waiting.reassure(waitedMinutes, ahead) : null}
        </p>
        {connected ? null : <p className="screen__hint">{waiting.reconnecting}</p>}
        <BigButton variant="quiet" onClick={onCancel}>
          {waiting.cancel}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
