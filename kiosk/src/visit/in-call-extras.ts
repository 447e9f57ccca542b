import { apiPath } from '@madoguchi/contract/api-routes';
import type { CaptionLine, CaptionsState } from '@madoguchi/contract/captions';
import type { ChatMessage, SnapshotInfo } from '@madoguchi/contract/signalling-events';
import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import type { KioskCallClient } from '@madoguchi/call-core/call/kiosk-call-client';
import { CallMessages } from '@madoguchi/call-core/in-call/call-messages';
import { ReceivedPointerMarks } from '@madoguchi/call-core/in-call/pointer-marks';
import { SnapshotConsent } from '@madoguchi/call-core/in-call/snapshots';
import type { SnapshotPhase } from '@madoguchi/call-core/in-call/snapshots';
import { stopStream } from '@madoguchi/call-core/local-media';
import { createLogger } from '@madoguchi/call-core/logger';
import { TypedEmitter } from '@madoguchi/call-core/typed-emitter';
import { openDocumentCamera } from '../device/document-camera';
import { watchDocumentFrameRate } from '../device/document-frame-rate';
import { postBytes } from '../device/http-error';
import { captureStill } from '../device/still-capture';

const logger = createLogger('kiosk-in-call');

/** Only the last few messages fit on the screen at the size residents can read. */
const MAX_MESSAGES = 3;

/** Two or three caption lines fit at the size the kiosk shows them; the newest is at the bottom. */
const MAX_CAPTION_LINES = 3;


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
  /** The latest caption lines, newest last (partial ones still changing). */
  captionLines: readonly CaptionLine[];
  captionsState: CaptionsState | null;
  /** 「字幕を表示」 as the resident set it; null: not touched (on when the booking says 聴覚支援). */
  captionsChosen: boolean | null;
  /** The specialist's camera or microphone is missing from the call (their desk said so). */
  deskMissing: readonly ('camera' | 'microphone')[];
}

/** Whether the caption area shows: the resident's choice, else on for a booking with 聴覚支援. */
export function captionsVisible(extras: InCallExtrasSnapshot): boolean {
  return extras.captionsChosen ?? extras.captionsState?.hearingSupport === true;
}

export const EMPTY_EXTRAS: InCallExtrasSnapshot = Object.freeze({
  documentStream: null,
  documentBusy: false,
  documentFailed: false,
  marks: [],
  messages: [],
  snapshot: null,
  captionLines: [],
  captionsState: null,
  deskMissing: [],
  captionsChosen: null,
});

export interface InCallExtrasOptions {
  call: KioskCallClient;
  getToken: () => string | null;
  cameraRoles: () => { documentCameraId: string | null; faceCameraId: string | null };
}

/**
 * The document camera, the staff's pointer marks and messages, and snapshot consent for
 * the call in progress, as one snapshot for the kiosk's screens. Messages, marks and consent
 * are the call core's in-call features (shared with the staff app); the document camera and
 * the upload of the still are the kiosk's own. reset() forgets all of it and releases the
 * camera: nothing of one resident is left for the next.
 */
export class InCallExtras extends TypedEmitter<{ changed: [InCallExtrasSnapshot] }> {
  private readonly options: InCallExtrasOptions;
  private snapshot: InCallExtrasSnapshot = EMPTY_EXTRAS;
  private readonly unsubscribe: (() => void)[];
  private readonly messages: CallMessages;
  private readonly marks: ReceivedPointerMarks;
  private readonly consent: SnapshotConsent;
  /** Bumped by reset(), so a camera that opens after the call is closed at once. */
  private generation = 0;
  /** Stops lowering the document camera's frame rate while the page is still. */
  private stopFrameRateWatch: (() => void) | null = null;

  constructor(options: InCallExtrasOptions) {
    super();
    this.options = options;
    const { call } = options;
    const accepts = (consultationId: string) => this.isCurrent(consultationId);
    // Only the specialist's words are shown, and only the last few fit at a readable size.
    this.messages = new CallMessages({ call, accepts, from: ['staff'], keepLast: MAX_MESSAGES });
    this.marks = new ReceivedPointerMarks(call, accepts);
    this.consent = new SnapshotConsent({
      call,
      accepts,
      currentCall: () => this.consultationId(),
      answer: (consultationId, requestId, consent) => call.sendKioskCallRequest('answerSnapshot', { consultationId, requestId, consent }),
      capture: (consultationId, requestId) => this.uploadSnapshot(consultationId, requestId),
    });
    this.unsubscribe = [
      this.messages.on('changed', ({ messages }) => this.patch({ messages })),
      this.marks.on('changed', ({ marks }) => this.patch({ marks })),
      this.consent.on('changed', ({ snapshot }) => this.patch({ snapshot })),
      call.onServerEvent('captionLine', (line) => {
        if (this.isCurrent(line.consultationId)) this.patch({ captionLines: withCaptionLine(this.snapshot.captionLines, line) });
      }),
      call.onServerEvent('deviceProblem', ({ consultationId, device }) => {
        if (!this.isCurrent(consultationId) || device === 'documentCamera' || this.snapshot.deskMissing.includes(device)) return;
        this.patch({ deskMissing: [...this.snapshot.deskMissing, device] });
      }),
      call.onServerEvent('captionsState', (state) => {
        if (this.isCurrent(state.consultationId)) this.patch({ captionsState: state });
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
      this.stopFrameRateWatch = watchDocumentFrameRate(track);
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
    this.endFrameRateWatch();
    this.patch({ documentStream: null });
    this.marks.clear();
    stopStream(stream);
    await this.options.call.stopDocument();
  }

  /** The resident's answer to 「撮影してもよろしいですか？」. */
  answerSnapshot(consent: boolean): Promise<void> {
    return this.consent.answer(consent);
  }

  /** The captions so far, asked for when the call screen opens (and after a reconnect): lines may predate it. */
  async loadCaptions(): Promise<void> {
    const consultationId = this.consultationId();
    if (!consultationId) return;
    try {
      const { state, lines } = await this.options.call.sendKioskCallRequest('getCaptions', { consultationId });
      if (!this.isCurrent(consultationId)) return;
      this.patch({ captionsState: state, captionLines: lines.slice(-MAX_CAPTION_LINES) });
    } catch (error) {
      logger.warn('captions not loaded', { error });
    }
  }

  /** 「字幕を表示」 on or off. */
  setCaptionsShown(shown: boolean): void {
    this.patch({ captionsChosen: shown });
  }

  /** The resident's answer to keeping the caption text in the record. */
  async answerCaptionConsent(consent: boolean): Promise<void> {
    const consultationId = this.consultationId();
    const state = this.snapshot.captionsState;
    if (!consultationId || !state) return;
    // Shown as answered at once; the server's state confirms it.
    this.patch({ captionsState: { ...state, transcriptConsent: consent } });
    try {
      await this.options.call.sendKioskCallRequest('captionConsent', { consultationId, consent });
    } catch (error) {
      logger.warn('caption consent not accepted', { error });
    }
  }

  /** Closes the 「送りました」 note. */
  dismissSnapshot(): void {
    this.consent.dismiss();
  }

  /** Forget everything of the call and release the document camera. */
  reset(): void {
    this.generation += 1;
    this.messages.reset();
    this.marks.reset();
    this.consent.reset();
    this.endFrameRateWatch();
    const stream = this.snapshot.documentStream;
    stopStream(stream);
    if (stream) void this.options.call.stopDocument();
    if (this.snapshot !== EMPTY_EXTRAS) this.patch(EMPTY_EXTRAS);
  }

  close(): void {
    this.reset();
    for (const off of this.unsubscribe) off();
    this.messages.close();
    this.marks.close();
    this.consent.close();
    this.removeAllListeners();
  }

  private async uploadSnapshot(consultationId: string, requestId: string): Promise<boolean> {
    const token = this.options.getToken();
    try {
      // If the camera is off, turn it on first: the staff asked to see the document.
      const track = await this.startDocument(requestId);
      if (!track || !token) throw new Error('no document camera');
      const still = await captureStill(track);
      const stored = await postBytes<SnapshotInfo>(apiPath('uploadSnapshot', { id: consultationId }), {
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
    const consultationId = this.consultationId();
    if (!consultationId) return;
    this.options.call
      .sendKioskCallRequest('reportDeviceProblem', { consultationId, device: 'documentCamera', ...(requestId ? { requestId } : {}) })
      .catch((error: unknown) => logger.warn('device problem not reported', { error }));
  }

  private endFrameRateWatch(): void {
    this.stopFrameRateWatch?.();
    this.stopFrameRateWatch = null;
  }

  private faceCameraId(): string | null {
    const configured = this.options.cameraRoles().faceCameraId;
    if (configured) return configured;
    return this.options.call.getSnapshot().localStream?.getVideoTracks()[0]?.getSettings().deviceId ?? null;
  }

  private consultationId(): string | null {
    return this.options.call.getSnapshot().call?.consultationId ?? null;
  }

  private isCurrent(consultationId: string): boolean {
    return this.options.call.getSnapshot().call?.answered === true && this.consultationId() === consultationId;
  }

  private patch(changes: Partial<InCallExtrasSnapshot>): void {
    this.snapshot = Object.freeze({ ...this.snapshot, ...changes });
    this.safeEmit('changed', this.snapshot);
  }
}

/**
 * A new line goes at the bottom; a line already shown changes in place (partial text growing, a
 * correction). A correction of a line that has already scrolled away is not brought back.
 */
export function withCaptionLine(lines: readonly CaptionLine[], line: CaptionLine): readonly CaptionLine[] {
  const index = lines.findIndex((l) => l.lineId === line.lineId);
  if (index >= 0) return lines.map((l, i) => (i === index ? line : l));
  if (line.corrected) return lines;
  return [...lines, line].slice(-MAX_CAPTION_LINES);
}
