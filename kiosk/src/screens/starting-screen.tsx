import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../visit/use-messages';

export function StartingScreen() {
  const messages = useMessages();
  return (
    <ScreenFrame name="starting">
      <p className="screen__message" role="status">
        {messages.starting}
      </p>
    </ScreenFrame>
  );
}
