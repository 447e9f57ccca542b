import { useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { consoleMessages } from '../../i18n/console-messages';
import { formatTime } from '../../time/jst-format';
import type { GalleryItem, SnapshotStatus } from './use-snapshots';
import { useSnapshots } from './use-snapshots';

const t = consoleMessages.snapshot;

const STATUS_TEXT: Record<SnapshotStatus, { text: string; tone: 'info' | 'warning' }> = {
  asking: { text: t.asking, tone: 'info' },
  consented: { text: t.consented, tone: 'info' },
  refused: { text: t.refused, tone: 'warning' },
  stored: { text: t.stored, tone: 'info' },
  failed: { text: t.failed, tone: 'warning' },
  noCamera: { text: t.noCamera, tone: 'warning' },
  timedOut: { text: t.timedOut, tone: 'warning' },
};

/** 「撮影」 (asks the resident first), the request's state, and the call's photos. */
export function SnapshotPanel({ consultationId, canTake }: { consultationId: string | null; canTake: boolean }) {
  const snapshots = useSnapshots(consultationId);
  const [open, setOpen] = useState<GalleryItem | null>(null);
  const status = snapshots.status ? STATUS_TEXT[snapshots.status] : null;
  return (
    <section className="snapshots" aria-label={t.gallery}>
      <div className="snapshots__bar">
        <button
          type="button"
          className="button button--primary"
          disabled={!canTake || !consultationId || snapshots.busy}
          onClick={snapshots.request}
        >
          {t.take}
        </button>
        {status ? (
          <p className={`status-line${status.tone === 'warning' ? ' status-line--warning' : ''}`} role="status">
            {status.text}
          </p>
        ) : null}
      </div>
      <h3 className="snapshots__heading">{t.gallery}</h3>
      {snapshots.items.length === 0 ? (
        <p className="snapshots__empty">{t.empty}</p>
      ) : (
        <ul className="snapshots__list" data-testid="snapshot-gallery">
          {snapshots.items.map((item) => (
            <li key={item.info.snapshotId}>
              <button type="button" className="snapshots__thumb" onClick={() => setOpen(item)} disabled={!item.url || item.url === 'error'}>
                {item.url && item.url !== 'error' ? (
                  <img src={item.url} alt={t.thumbnail(formatTime(item.info.takenAt))} />
                ) : (
                  <span>{item.url === 'error' ? t.loadFailed : '…'}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ModalDialog open={open !== null} title={t.enlarged} closeLabel={t.close} onClose={() => setOpen(null)} wide>
        {open?.url && open.url !== 'error' ? (
          <img className="snapshots__large" src={open.url} alt={t.thumbnail(formatTime(open.info.takenAt))} />
        ) : null}
      </ModalDialog>
    </section>
  );
}
