import { ScreenFrame } from '../components/screen-frame';
import { messages } from '../messages';

export function StartingScreen() {
  return (
    <ScreenFrame name="starting">
      <p className="screen__message" role="status">
        {messages.starting}
      </p>
    </ScreenFrame>
  );
}
