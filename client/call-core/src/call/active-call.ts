import type { CallError } from '../call-error';
import type { CallMedia } from '../call-media';
import type { CallInfo } from '../call-types';
import { createDeferred } from '../deferred';
import type { Deferred } from '../deferred';
import { stopStream } from '../local-media';
import type { LocalMedia } from '../local-media';
import type { MediaPathGuard } from '../media-path-guard';
import type { ExtraTrack } from './extra-tracks';
import type { HolderLink } from './holder-link';

/** One call from the first request to teardown; replaced, never reused. */
export interface ActiveCall {
  info: CallInfo;
  media: CallMedia | null;
  /** Opened once per call and kept across re-joins; stopped at teardown. */
  localMedia: Promise<LocalMedia> | null;
  /** Resolved with each join's media; newConsumer waits on it. */
  recvReady: Deferred<CallMedia>;
  /** Settled once each join has produced camera and microphone (or could not): join-tuning sendFirst waits on it. */
  sent: Deferred<void>;
  /** Bumped by every join (and by a transfer), so a join overtaken by a newer one stops quietly. */
  joinGeneration: number;
  /** callAccepted can overtake the callStaff ack on a busy server. */
  acceptedEarly: { consultationId: string; staffName: string } | null;
  /** Tracks besides camera and microphone (document camera, shared screen), sent again after every join until stopped. */
  extras: ExtraTrack[];
  /** Joins made because the media path broke (ICE could not be restarted); capped per call. */
  mediaRejoins: number;
  /**
   * Staff: the link to the server node that holds this call's media, when that is not the
   * node this client is connected to. Every request of the call goes through it.
   */
  holder: HolderLink | null;
  /** Kiosk: `holder` is a node that took the call over after this client's own node stopped. */
  failedOver: boolean;
  /** Kiosk: the join made while waiting in the queue (join-tuning queuedJoin), settled true once its media are ready. */
  waitingJoin: { generation: number; done: Promise<boolean> } | null;
  /** Kiosk: whether the specialist's console shows the document (documentView); the document camera is paused while not. */
  documentShown: boolean;
  /** Whether media ever got through; falls back to ICE over TCP, then gives up. */
  pathGuard: MediaPathGuard;
}

export function newActiveCall(info: CallInfo, pathGuard: (call: ActiveCall) => MediaPathGuard): ActiveCall {
  // The guard is made last: it needs the call it watches.
  const call = {
    info,
    media: null,
    localMedia: null,
    recvReady: createDeferred<CallMedia>(),
    sent: createDeferred<void>(),
    joinGeneration: 0,
    acceptedEarly: null,
    extras: [],
    mediaRejoins: 0,
    holder: null,
    failedOver: false,
    waitingJoin: null,
    documentShown: true,
  } as Omit<ActiveCall, 'pathGuard'> as ActiveCall;
  call.pathGuard = pathGuard(call);
  return call;
}

/**
 * What both the end of a call and a transfer give up: the transports, the extra tracks, the
 * camera and microphone (also one that opens only afterwards), and any join still in flight.
 * The end of a call drops the rest with the call; a transfer keeps the call, waiting again.
 */
export function releaseCallMedia(call: ActiveCall, why: CallError): void {
  call.joinGeneration += 1;
  call.waitingJoin = null;
  call.pathGuard.stop();
  call.recvReady.reject(why);
  call.sent.resolve();
  call.media?.close();
  call.media = null;
  call.extras = [];
  void call.localMedia?.then(({ stream }) => stopStream(stream));
  call.localMedia = null;
}
