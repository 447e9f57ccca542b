import { BigButton } from '../components/big-button';
import { ScreenFrame } from '../components/screen-frame';
import { useMessages } from '../visit/use-messages';

export interface MediaFailedScreenProps {
  onRetry: () => void;
  onFinish: () => void;
}

/**
 * The call was answered but its picture and sound never got through (a blocked network): say
 * so plainly, promise the phone call staff will make, and offer to try again.
 */
export function MediaFailedScreen({ onRetry, onFinish }: MediaFailedScreenProps) {
  const { mediaFailed } = useMessages();
  return (
    <ScreenFrame name="media-failed">
      <h1 className="screen__title" role="alert">
        {mediaFailed.title}
      </h1>
      <p className="screen__lead">{mediaFailed.lead}</p>
      <p className="screen__lead">{mediaFailed.retryHint}</p>
      <div className="media-failed__actions">
        <BigButton size="huge" onClick={onRetry}>
          {mediaFailed.retry}
        </BigButton>
        <BigButton size="huge" variant="quiet" onClick={onFinish}>
          {mediaFailed.finish}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
