import type { EndReason } from '@madoguchi/contract/consultation';
import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../visit/use-messages';

export function EndedScreen({ reason }: { reason: EndReason }) {
  const messages = useMessages();
  const note = messages.ended.reason(reason);
  return (
    <ScreenFrame name="ended">
      <h1 className="screen__title" role="status">
        {messages.ended.title}
      </h1>
      {note ? <p className="screen__lead">{note}</p> : null}
      <p className="screen__hint">{messages.ended.returning}</p>
    </ScreenFrame>
  );
}
