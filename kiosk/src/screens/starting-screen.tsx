import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../session/use-messages';

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
