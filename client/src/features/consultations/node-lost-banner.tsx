import type { CallFailover } from '@madoguchi/call-core/call-types';
import { useNow } from '../../hooks/use-now';
import { messages } from '../../i18n/messages';

/**
 * The server node carrying the call stopped: the picture is frozen for a reason, and the call
 * is moving to another node. Says so in words, with how long it may still take before the call
 * is closed as node_lost (the outcome form then follows). Gone once both sides are back.
 */
export function NodeLostBanner({ failover }: { failover: CallFailover }) {
  const now = useNow(500);
  const texts = messages.call.failover;
  const seconds = failover.until === null ? null : Math.max(0, Math.ceil((failover.until - now) / 1000));
  return (
    <div className="call__node-lost">
      {/* Announced once when it appears; the countdown below is not read out every second. */}
      <p role="alert">{failover.lost === 'holder' ? texts.holderStopped : texts.ownStopped}</p>
      {seconds === null ? null : (
        <p aria-live="off" className="call__node-lost-countdown">
          {seconds > 0 ? texts.countdown(seconds) : texts.closing}
        </p>
      )}
    </div>
  );
}
