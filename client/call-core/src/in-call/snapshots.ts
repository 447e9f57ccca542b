import type { SnapshotInfo } from '@madoguchi/contract/signalling-events';
import type { StaffCallClient } from '../call/staff-call-client';
import { createLogger } from '../logger';
import { FeatureStore } from './feature-store';
import type { CallFilter, ServerEventSource } from './feature-store';

const logger = createLogger('snapshots');

// --- The desk: 撮影 and the gallery ---------------------------------------------------------

export type SnapshotStatus = 'asking' | 'consented' | 'refused' | 'stored' | 'failed' | 'noCamera' | 'timedOut';

export interface GalleryItem {
  info: SnapshotInfo;
  /** A blob: URL once the image has been fetched, 'error' if it could not be. */
  url: string | null | 'error';
}

export interface DeskSnapshotsState {
  items: readonly GalleryItem[];
  /** The state of the newest request, if any. */
  status: SnapshotStatus | null;
  /** An ack or an answer is still awaited: another request would only confuse the resident. */
  busy: boolean;
}

/** The stored pictures of the call, through the staff app's authenticated REST client. */
export interface SnapshotStore {
  list(signal: AbortSignal): Promise<readonly SnapshotInfo[]>;
  image(snapshotId: string): Promise<Blob>;
}

export interface DeskSnapshotsOptions {
  call: ServerEventSource;
  consultationId: string;
  /** requestSnapshot; answers the new request's id. */
  requestSnapshot: () => Promise<{ requestId: string }>;
  store: SnapshotStore;
  answerWaitMs?: number;
}

/**
 * A request with no answer, or no photo after the resident's yes, by then is given up with an
 * honest message (the kiosk may have lost its camera or its network), and 撮影 works again.
 */
export const ANSWER_WAIT_MS = 30_000;

const EMPTY_DESK: DeskSnapshotsState = { items: [], status: null, busy: false };

/**
 * Snapshot requests of one call and its gallery. The server's answers may overtake the ack of
 * requestSnapshot, so states are kept per requestId and the newest request's is shown.
 */
export class DeskSnapshots extends FeatureStore<DeskSnapshotsState> {
  private readonly statusById = new Map<string, SnapshotStatus>();
  private lastRequestId: string | null = null;
  private requesting = false;
  private failed = false;
  private waitedOut: string | null = null;
  private answerTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly urls: string[] = [];
  private readonly loading = new AbortController();

  constructor(private readonly options: DeskSnapshotsOptions) {
    super(EMPTY_DESK);
    const { call, consultationId } = options;
    this.own(
      call.onServerEvent('snapshotAnswered', (answer) => {
        if (answer.consultationId !== consultationId || this.statusById.get(answer.requestId) === 'stored') return;
        this.setStatus(answer.requestId, answer.consent ? 'consented' : 'refused');
      }),
    );
    this.own(
      call.onServerEvent('deviceProblem', ({ consultationId: id, requestId }) => {
        if (id !== consultationId || !requestId || this.statusById.get(requestId) === 'stored') return;
        this.setStatus(requestId, 'noCamera');
      }),
    );
    this.own(
      call.onServerEvent('snapshotStored', (info) => {
        if (info.consultationId !== consultationId) return;
        this.setStatus(info.requestId, 'stored');
        this.addPicture(info);
      }),
    );
    options.store.list(this.loading.signal).then(
      (list) => list.forEach((info) => this.addPicture(info)),
      () => undefined, // the gallery still fills from snapshotStored
    );
  }

  /** 撮影: asks the kiosk; the resident answers on its screen. */
  request(): void {
    if (this.getSnapshot().busy) return;
    this.requesting = true;
    this.failed = false;
    this.update();
    this.options.requestSnapshot().then(
      ({ requestId }) => {
        this.requesting = false;
        this.lastRequestId = requestId;
        this.armAnswerWait(requestId);
        if (!this.statusById.has(requestId)) this.statusById.set(requestId, 'asking');
        this.update();
      },
      (error: unknown) => {
        logger.warn('snapshot request refused', { error });
        this.requesting = false;
        this.failed = true;
        this.update();
      },
    );
  }

  override close(): void {
    this.loading.abort();
    if (this.answerTimer !== null) clearTimeout(this.answerTimer);
    for (const url of this.urls.splice(0)) URL.revokeObjectURL(url);
    super.close();
  }

  private armAnswerWait(requestId: string): void {
    if (this.answerTimer !== null) clearTimeout(this.answerTimer);
    this.answerTimer = setTimeout(() => {
      this.answerTimer = null;
      this.waitedOut = requestId;
      this.update();
    }, this.options.answerWaitMs ?? ANSWER_WAIT_MS);
  }

  private setStatus(requestId: string, status: SnapshotStatus): void {
    this.statusById.set(requestId, status);
    this.update();
  }

  private addPicture(info: SnapshotInfo): void {
    const { snapshotId } = info;
    if (this.getSnapshot().items.some((i) => i.info.snapshotId === snapshotId)) return;
    this.patch({ items: [...this.getSnapshot().items, { info, url: null }] });
    const setUrl = (url: GalleryItem['url']) => this.patch({ items: this.getSnapshot().items.map((i) => (i.info.snapshotId === snapshotId ? { ...i, url } : i)) });
    this.options.store.image(snapshotId).then(
      (blob) => {
        const url = URL.createObjectURL(blob);
        this.urls.push(url);
        setUrl(url);
      },
      () => setUrl('error'),
    );
  }

  private update(): void {
    const last = this.lastRequestId;
    const current: SnapshotStatus | null = this.failed ? 'failed' : last ? (this.statusById.get(last) ?? 'asking') : null;
    const pending = current === 'asking' || current === 'consented';
    const status: SnapshotStatus | null = pending && this.waitedOut === last ? 'timedOut' : current;
    this.patch({ status, busy: this.requesting || (pending && status !== 'timedOut') });
  }
}

export function deskSnapshots(desk: StaffCallClient, consultationId: string, store: SnapshotStore): DeskSnapshots {
  return new DeskSnapshots({ call: desk, consultationId, store, requestSnapshot: () => desk.sendStaffRequest('requestSnapshot', { consultationId }) });
}

// --- The kiosk: the resident's consent ------------------------------------------------------

export type SnapshotPhase = 'asking' | 'capturing' | 'sent' | 'failed';

export interface SnapshotConsentState {
  snapshot: { requestId: string; phase: SnapshotPhase } | null;
}

export interface SnapshotConsentOptions {
  call: ServerEventSource;
  accepts: CallFilter;
  /** The consultation in progress, if any. */
  currentCall: () => string | null;
  /** answerSnapshot to the server. */
  answer: (consultationId: string, requestId: string, consent: boolean) => Promise<unknown>;
  /** Takes the picture and uploads it; true when it was stored. */
  capture: (consultationId: string, requestId: string) => Promise<boolean>;
  /** How long 「送りました」 stays. */
  noteMs?: number;
}

/** The 「送りました」 note closes itself after this long. */
export const NOTE_DISPLAY_MS = 5_000;

const EMPTY_CONSENT: SnapshotConsentState = { snapshot: null };

/** 「撮影してもよろしいですか？」 on the kiosk: the question, the capture, and the note after it. */
export class SnapshotConsent extends FeatureStore<SnapshotConsentState> {
  private noteTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SnapshotConsentOptions) {
    super(EMPTY_CONSENT);
    this.own(
      options.call.onServerEvent('snapshotRequested', ({ consultationId, requestId }) => {
        if (options.accepts(consultationId)) this.patch({ snapshot: { requestId, phase: 'asking' } });
      }),
    );
  }

  /** The resident's answer. */
  async answer(consent: boolean): Promise<void> {
    const request = this.getSnapshot().snapshot;
    const consultationId = this.options.currentCall();
    if (!request || request.phase !== 'asking' || !consultationId) return;
    const { requestId } = request;
    this.patch({ snapshot: consent ? { requestId, phase: 'capturing' } : null });
    try {
      await this.options.answer(consultationId, requestId, consent);
    } catch (error) {
      logger.warn('snapshot answer not accepted', { requestId, error });
    }
    if (!consent) return;
    const ok = await this.options.capture(consultationId, requestId);
    if (this.getSnapshot().snapshot?.requestId !== requestId) return;
    this.patch({ snapshot: { requestId, phase: ok ? 'sent' : 'failed' } });
    this.clearNote();
    this.noteTimer = setTimeout(() => this.dismiss(), this.options.noteMs ?? NOTE_DISPLAY_MS);
  }

  /** Closes the 「送りました」 note. */
  dismiss(): void {
    const { snapshot } = this.getSnapshot();
    if (snapshot && snapshot.phase !== 'asking') this.patch({ snapshot: null });
  }

  override reset(): void {
    this.clearNote();
    super.reset();
  }

  override close(): void {
    this.clearNote();
    super.close();
  }

  private clearNote(): void {
    if (this.noteTimer !== null) clearTimeout(this.noteTimer);
    this.noteTimer = null;
  }
}
