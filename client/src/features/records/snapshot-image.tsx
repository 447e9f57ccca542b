import { useEffect, useState } from 'react';
import { useApi } from '../../hooks/use-api';
import { recordMessages } from '../../i18n/record-messages';
import { formatTimestamp } from '../../time/jst-format';
import { fetchSnapshotImage } from '../consultations/snapshot-api';

const t = recordMessages.detail;

/**
 * A snapshot on the record's timeline: fetched only when someone asks to see it, because every
 * image read is audited (as in the call).
 */
export function SnapshotImage({ snapshotId, takenAt }: { snapshotId: string; takenAt: string }) {
  const { run } = useApi();
  const [state, setState] = useState<'hidden' | 'loading' | 'failed' | { url: string }>('hidden');

  useEffect(() => () => {
    if (typeof state === 'object') URL.revokeObjectURL(state.url);
  }, [state]);

  const show = () => {
    setState('loading');
    run((o) => fetchSnapshotImage(snapshotId, o)).then(
      (blob) => setState({ url: URL.createObjectURL(blob) }),
      () => setState('failed'),
    );
  };

  if (typeof state === 'object') {
    return (
      <span className="timeline__image">
        <img src={state.url} alt={t.imageAlt(formatTimestamp(takenAt))} />
        <button type="button" className="button button--small button--secondary" onClick={() => setState('hidden')}>
          {t.hideImage}
        </button>
      </span>
    );
  }
  return (
    <span className="timeline__image">
      <button type="button" className="button button--small button--secondary" disabled={state === 'loading'} onClick={show}>
        {t.showImage}
      </button>
      {state === 'failed' ? <span role="alert">{t.imageFailed}</span> : null}
    </span>
  );
}
