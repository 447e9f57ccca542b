import { BackButton } from '../components/back-button';
import { ChoiceButton } from '../components/choice-button';
import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../visit/use-messages';

export interface StartScreenProps {
  onBooked: () => void;
  onWalkIn: () => void;
  onBack: () => void;
}

/** Two choices, nothing else to read: booked or not. */
export function StartScreen({ onBooked, onWalkIn, onBack }: StartScreenProps) {
  const { start, back } = useMessages();
  return (
    <ScreenFrame name="start">
      <h1 className="screen__title">{start.title}</h1>
      <div className="start__choices">
        <ChoiceButton icon="calendar" label={start.booked} hint={start.bookedHint} onClick={onBooked} />
        <ChoiceButton icon="general" label={start.walkIn} hint={start.walkInHint} onClick={onWalkIn} />
      </div>
      <BackButton label={back} onClick={onBack} />
    </ScreenFrame>
  );
}
