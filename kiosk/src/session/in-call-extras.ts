import { apiPath } from '@madoguchi/contract/api-routes';
import type { ChatMessage, SnapshotInfo } from '@madoguchi/contract/signalling-events';
import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import type { KioskCallClient } from '@madoguchi/call-core/call/kiosk-call-client';
import { stopStream } from '@madoguchi/call-core/local-media';
import { createLogger } from '@madoguchi/call-core/logger';
import { TypedEmitter } from '@madoguchi/call-core/typed-emitter';
import { openDocumentCamera } from '../device/document-camera';
import { postBytes } from '../device/http-error';
import { captureStill } from '../device/still-capture';
import { OneShotTimer } from './one-shot-timer';

const logger = createLogger('kiosk-in-call');

/** The 「送りました」 note closes itself after this long. */
const NOTE_DISPLAY_MS = 5_000;

/** Only the last few messages fit on the screen at the size residents can read. */
const MAX_MESSAGES = 3;

export type SnapshotPhase = 'asking' | 'capturing' | 'sent' | 'failed';

/** What the in-call screen shows besides the two videos; empty outside a call. */
export interface InCallExtrasSnapshot {
  documentStream: MediaStream | null;
  /** The camera is being opened or produced. */
  documentBusy: boolean;
  /** The last attempt to open the document camera failed. */
  documentFailed: boolean;
  marks: readonly PointerMark[];
  /** Staff messages, newest last. */
  messages: readonly ChatMessage[];
  snapshot: { requestId: string; phase: SnapshotPhase } | null;
}

export const EMPTY_EXTRAS: InCallExtrasSnapshot = Object.freeze({
  documentStream: null,
  documentBusy: false,
  documentFailed: false,
  marks: [],
  messages: [],
  snapshot: null,
});

export interface InCallExtrasOptions {
  call: KioskCallClient;
  getToken: () => string | null;
  cameraRoles: () => { documentCameraId: string | null; faceCameraId: string | null };
}

/**
 * The document camera, the staff's pointer marks and messages, and snapshot consent for
 * the call in progress. reset() forgets all of it and releases the camera: nothing of one
 * resident is left for the next.
 */
export class InCallExtras extends TypedEmitter<{ changed: [InCallExtrasSnapshot] }> {
  private readonly options: InCallExtrasOptions;
  private snapshot: InCallExtrasSnapshot = EMPTY_EXTRAS;
  private readonly unsubscribe: (() => void)[];
  /** Bumped by reset(), so a camera that opens after the call is closed at once. */
  private generation = 0;
  private readonly noteTimer = new OneShotTimer();

  constructor(options: InCallExtrasOptions) {
    super();
    this.options = options;
    const { call } = options;
    this.unsubscribe = [
      call.onServerEvent('messageReceived', (message) => {
        if (!this.isCurrent(message.sessionId) || message.from !== 'staff') return;
        this.patch({ messages: [...this.snapshot.messages, message].slice(-MAX_MESSAGES) });
      }),
      call.onServerEvent('pointerMarks', ({ sessionId, marks }) => {
        if (this.isCurrent(sessionId)) this.patch({ marks });
      }),
      call.onServerEvent('snapshotRequested', ({ sessionId, requestId }) => {
        if (this.isCurrent(sessionId)) this.patch({ snapshot: { requestId, phase: 'asking' } });
      }),
    ];
  }

  getSnapshot(): InCallExtrasSnapshot {
    return this.snapshot;
  }

  /** 「書類を見せる」 on or off. */
  async toggleDocument(): Promise<void> {
    if (this.snapshot.documentStream) await this.stopDocument();
    else await this.startDocument();
  }

  /** `forSnapshot`: the snapshot request the camera is opened for, so staff stop waiting if it fails. */
  async startDocument(forSnapshot?: string): Promise<MediaStreamTrack | null> {
    const current = this.snapshot.documentStream?.getVideoTracks()[0];
    if (current) return current;
    if (this.snapshot.documentBusy) return null;
    const generation = this.generation;
    this.patch({ documentBusy: true, documentFailed: false });
    let stream: MediaStream | null = null;
    try {
      stream = await openDocumentCamera({ ...this.options.cameraRoles(), faceCameraId: this.faceCameraId() });
      const track = stream.getVideoTracks()[0];
      if (!track || generation !== this.generation) throw new Error('call over before the document camera opened');
      await this.options.call.startDocument(track);
      if (generation !== this.generation) throw new Error('call over before the document camera was sent');
      this.patch({ documentStream: stream, documentBusy: false });
      return track;
    } catch (error) {
      logger.warn('document camera not started', { error });
      stopStream(stream);
      if (generation === this.generation) {
        this.patch({ documentBusy: false, documentFailed: true });
        this.tellStaffNoDocumentCamera(forSnapshot);
      }
      return null;
    }
  }

  async stopDocument(): Promise<void> {
    const stream = this.snapshot.documentStream;
    this.patch({ documentStream: null, marks: [] });
    stopStream(stream);
    await this.options.call.stopDocument();
  }

  /** The resident's answer to 「撮影してもよろしいですか？」. */
  async answerSnapshot(consent: boolean): Promise<void> {
    const request = this.snapshot.snapshot;
    const sessionId = this.sessionId();
    if (!request || request.phase !== 'asking' || !sessionId) return;
    const { requestId } = request;
    this.patch({ snapshot: consent ? { requestId, phase: 'capturing' } : null });
    try {
      await this.options.call.sendKioskCallRequest('answerSnapshot', { sessionId, requestId, consent });
    } catch (error) {
      logger.warn('snapshot answer not accepted', { requestId, error });
    }
    if (!consent) return;
    const ok = await this.uploadSnapshot(sessionId, requestId);
    if (this.snapshot.snapshot?.requestId !== requestId) return;
    this.patch({ snapshot: { requestId, phase: ok ? 'sent' : 'failed' } });
    this.noteTimer.set(NOTE_DISPLAY_MS, () => this.dismissSnapshot());
  }

  /** Closes the 「送りました」 note. */
  dismissSnapshot(): void {
    if (this.snapshot.snapshot && this.snapshot.snapshot.phase !== 'asking') this.patch({ snapshot: null });
  }

  /** Forget everything of the call and release the document camera. */
  reset(): void {
    this.generation += 1;
    this.noteTimer.clear();
    const stream = this.snapshot.documentStream;
    stopStream(stream);
    if (stream) void this.options.call.stopDocument();
    if (this.snapshot !== EMPTY_EXTRAS) this.patch(EMPTY_EXTRAS);
  }

  close(): void {
    this.reset();
    for (const off of this.unsubscribe) off();
    this.removeAllListeners();
  }

  private async uploadSnapshot(sessionId: string, requestId: string): Promise<boolean> {
    const token = this.options.getToken();
    try {
      // If the camera is off, turn it on first: the staff asked to see the document.
      const track = await this.startDocument(requestId);
      if (!track || !token) throw new Error('no document camera');
      const still = await captureStill(track);
      const stored = await postBytes<SnapshotInfo>(apiPath('uploadSnapshot', { id: sessionId }), {
        body: still.blob,
        bearerToken: token,
        headers: { 'Content-Type': 'image/jpeg', 'X-Snapshot-Request': requestId, 'X-Content-SHA256': still.sha256 },
      });
      logger.info('snapshot uploaded', { requestId, width: still.width, height: still.height, snapshotId: stored.snapshotId });
      return true;
    } catch (error) {
      logger.warn('snapshot not uploaded', { requestId, error });
      return false;
    }
  }

  /** Only the resident sees 「書類カメラが使えません」 on the kiosk; the specialist must know too. */
  private tellStaffNoDocumentCamera(requestId: string | undefined): void {
    const sessionId = this.sessionId();
    if (!sessionId) return;
    this.options.call
      .sendKioskCallRequest('reportDeviceProblem', { sessionId, device: 'documentCamera', ...(requestId ? { requestId } : {}) })
      .catch((error: unknown) => logger.warn('device problem not reported', { error }));
  }

  private faceCameraId(): string | null {
    const configured = this.options.cameraRoles().faceCameraId;
    if (configured) return configured;
    return this.options.call.getSnapshot().localStream?.getVideoTracks()[0]?.getSettings().deviceId ?? null;
  }

  private sessionId(): string | null {
    return this.options.call.getSnapshot().call?.sessionId ?? null;
  }

  private isCurrent(sessionId: string): boolean {
    return this.options.call.getSnapshot().call?.answered === true && this.sessionId() === sessionId;
  }

  private patch(changes: Partial<InCallExtrasSnapshot>): void {
    this.snapshot = Object.freeze({ ...this.snapshot, ...changes });
    this.safeEmit('changed', this.snapshot);
  }
}
