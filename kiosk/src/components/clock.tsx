import { useEffect, useState } from 'react';
import { useMessages } from '../visit/use-messages';

/** Date and time, refreshed on the second so the minute flips on time. */
export function Clock() {
  const messages = useMessages();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="clock">
      <span className="clock__date">{messages.clock.date(now)}</span>
      <time className="clock__time" dateTime={now.toISOString()}>
        {messages.clock.time(now)}
      </time>
    </div>
  );
}
