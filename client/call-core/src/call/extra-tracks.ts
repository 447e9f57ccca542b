import type { MediaSource } from '@madoguchi/contract/media-types';
import type { CallMedia } from '../call-media';
import type { ActiveCall } from './active-call';

/** A track sent besides camera and microphone; `media` is the join it was last produced into. */
export interface ExtraTrack {
  track: MediaStreamTrack;
  source: MediaSource;
  media: CallMedia | null;
  producerId: string | null;
}

/**
 * One track per source: a second document camera or screen replaces the first. Produced now
 * when the call has media (`produceNow`), and by every later join (produceExtras).
 */
export async function startExtra(call: ActiveCall, track: MediaStreamTrack, source: MediaSource, produceNow: boolean): Promise<void> {
  const previous = call.extras.find((e) => e.source === source);
  if (previous) await stopExtra(call, previous);
  const extra: ExtraTrack = { track, source, media: null, producerId: null };
  call.extras.push(extra);
  if (call.media && produceNow) await produceExtraInto(call, extra, call.media);
}

export async function stopExtra(call: ActiveCall, extra: ExtraTrack): Promise<void> {
  call.extras = call.extras.filter((e) => e !== extra);
  if (extra.producerId) await extra.media?.closeProducer(extra.producerId).catch(() => undefined);
}

/** After a join: every extra still wanted goes into the new transports, unless `stale()` says the join was overtaken. */
export async function produceExtras(call: ActiveCall, media: CallMedia, stale: () => boolean): Promise<void> {
  for (const extra of call.extras) if (!stale()) await produceExtraInto(call, extra, media);
}

async function produceExtraInto(call: ActiveCall, extra: ExtraTrack, media: CallMedia): Promise<void> {
  // A join and startExtra() may both get here for the same transports.
  if (extra.media === media) return;
  extra.media = media;
  extra.producerId = null;
  // The document camera keeps its resolution for small print; other extras are plain tracks.
  const producerId = extra.source === 'document' ? await media.produceDocument(extra.track) : await media.produceTrack(extra.track, extra.source);
  if (call.extras.includes(extra) && extra.media === media) {
    extra.producerId = producerId;
    if (extra.source === 'document' && !call.documentShown) media.setProducerPaused(producerId, true);
  } else await media.closeProducer(producerId).catch(() => undefined);
}

/**
 * The specialist's console shows the document or is hidden: the document camera is sent only
 * while someone looks at it, which spares the kiosk encoding a 1080p picture nobody sees.
 */
export function setDocumentShown(call: ActiveCall, shown: boolean): void {
  call.documentShown = shown;
  for (const extra of call.extras) {
    if (extra.source === 'document' && extra.media && extra.producerId) extra.media.setProducerPaused(extra.producerId, !shown);
  }
}
