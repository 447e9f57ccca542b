import { shouldOfferReload, type ConsoleBannerInput } from '@madoguchi/contract/release';
import { useCallSnapshot } from '../hooks/use-call-snapshot';

export interface NewReleaseBannerProps {
  texts: { text: string; reload: string };
  /** Reloads the page (tests may watch it); location.reload by default. */
  onReload?: () => void;
  /** When the page offers it; outside a call by default (the console). */
  offered?: (release: ConsoleBannerInput) => boolean;
}

/**
 * 「新しい版があります」 once the server runs another release than this page, outside a call
 * only: a call's end brings it up. The specialist chooses when (an outcome may be half typed).
 */
export function NewReleaseBanner({ texts, onReload, offered = shouldOfferReload }: NewReleaseBannerProps) {
  const pageBuildId = useCallSnapshot((snapshot) => snapshot.pageBuildId);
  const serverBuildId = useCallSnapshot((snapshot) => snapshot.serverInfo?.buildId ?? null);
  const callState = useCallSnapshot((snapshot) => snapshot.callState);
  if (!offered({ pageBuildId, serverBuildId, callState })) return null;
  return (
    <div className="new-release-banner" role="status" aria-live="polite">
      <p>{texts.text}</p>
      <button type="button" className="button" onClick={() => (onReload ?? (() => window.location.reload()))()}>
        {texts.reload}
      </button>
    </div>
  );
}
