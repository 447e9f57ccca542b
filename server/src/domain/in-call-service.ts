import { createHash, randomUUID } from 'node:crypto';
import type { QualitySummary } from '@madoguchi/contract/consultation';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import type { ChatMessage, SnapshotInfo, SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { ConsultationRepository } from '../db/repositories/consultation-repository';
import type { QuickPhraseRepository } from '../db/repositories/quick-phrase-repository';
import type { SnapshotRepository } from '../db/repositories/snapshot-repository';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';
import type { ConsultationNotifier } from './consultation-notifier';
import type { ConsultationService } from './consultation-service';
import { imageSize } from './image-size';
import { peerIdOf, peerRoleOf } from './peer-identity';
import { kioskPeer } from './room-names';

const log = createLogger('in-call');

/** After the resident says yes, the kiosk has this long to upload the still. */
const UPLOAD_WINDOW_MS = 2 * 60_000;
/** A snapshot request the resident has not answered expires. */
const ANSWER_WINDOW_MS = 5 * 60_000;

interface SnapshotRequest {
  sessionId: string;
  kioskId: string;
  staffPeerId: string;
  state: 'asked' | 'consented';
  at: number;
}

export interface InCallOptions {
  consultations: Pick<ConsultationService, 'requireActiveParticipant' | 'recordEvent'>;
  notifier: Pick<ConsultationNotifier, 'toPeers'>;
  sessions: Pick<ConsultationRepository, 'findById' | 'recordQuality'>;
  snapshots: Pick<SnapshotRepository, 'store'>;
  /** Quick phrases and their translations (sendMessage with a phraseId). */
  phrases: Pick<QuickPhraseRepository, 'findById'>;
  now?: () => Date;
}


/**
 * What people do inside a call besides talking: messages, the document snapshot with consent,
 * pointing at the document, and the quality figures. Only participants of a call in progress.
 */
export class InCallService {
  private readonly snapshotRequests = new Map<string, SnapshotRequest>();
  private readonly now: () => Date;

  constructor(private readonly options: InCallOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async sendMessage(principal: SocketPrincipal, sessionId: string, text: string, phraseId?: string): Promise<ChatMessage> {
    const consultation = this.options.consultations.requireActiveParticipant(principal, sessionId);
    if (phraseId && principal.role === 'kiosk') throw AppError.forbidden('quick phrases are for staff');
    const phrase = phraseId ? await this.options.phrases.findById(phraseId) : null;
    if (phraseId && !phrase) throw AppError.notFound('quick phrase');
    const message: ChatMessage = {
      sessionId,
      messageId: randomUUID(),
      from: peerRoleOf(principal),
      text: phrase ? phrase.texts.ja : text,
      at: this.now().toISOString(),
      translations: phrase ? phrase.texts : null,
    };
    const others = consultation.peerIds().filter((peerId) => peerId !== peerIdOf(principal));
    this.options.notifier.toPeers(others, 'messageReceived', message);
    // The timeline records that a message went, not what it said.
    this.record(sessionId, 'message_sent', peerRoleOf(principal), { length: text.length });
    return message;
  }

  requestSnapshot(principal: SocketPrincipal, sessionId: string): { requestId: string } {
    if (principal.role === 'kiosk') throw AppError.forbidden('only staff take snapshots');
    const consultation = this.options.consultations.requireActiveParticipant(principal, sessionId);
    this.prune();
    const requestId = randomUUID();
    this.snapshotRequests.set(requestId, {
      sessionId,
      kioskId: consultation.kiosk.id,
      staffPeerId: peerIdOf(principal),
      state: 'asked',
      at: Date.now(),
    });
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'snapshotRequested', { sessionId, requestId });
    return { requestId };
  }

  answerSnapshot(principal: SocketPrincipal, sessionId: string, requestId: string, consent: boolean): void {
    const request = this.snapshotRequests.get(requestId);
    if (principal.role !== 'kiosk' || !request || request.sessionId !== sessionId || request.kioskId !== principal.id || request.state !== 'asked') {
      throw AppError.notFound('snapshot request');
    }
    if (consent) {
      request.state = 'consented';
      request.at = Date.now();
    } else {
      this.snapshotRequests.delete(requestId);
      this.record(sessionId, 'snapshot_refused', 'kiosk', { requestId });
    }
    this.options.notifier.toPeers([request.staffPeerId], 'snapshotAnswered', { sessionId, requestId, consent });
  }

  /** The kiosk cannot use its document camera: its specialist is told, and stops waiting for a snapshot it asked for. */
  reportDeviceProblem(principal: SocketPrincipal, payload: { sessionId: string; device: 'documentCamera'; requestId?: string | undefined }): void {
    if (principal.role !== 'kiosk') throw AppError.forbidden('only the kiosk reports its devices');
    const consultation = this.options.consultations.requireActiveParticipant(principal, payload.sessionId);
    const { requestId } = payload;
    const request = requestId ? this.snapshotRequests.get(requestId) : undefined;
    if (requestId && request?.sessionId === payload.sessionId && request.kioskId === principal.id) this.snapshotRequests.delete(requestId);
    log.warn({ sessionId: payload.sessionId, device: payload.device }, 'kiosk device problem');
    const staff = consultation.peerIds().filter((peerId) => peerId.startsWith('staff:'));
    this.options.notifier.toPeers(staff, 'deviceProblem', { sessionId: payload.sessionId, device: payload.device, ...(requestId ? { requestId } : {}) });
  }

  /** The kiosk's upload after consent: checked against its checksum, stored, announced. */
  async storeSnapshot(
    kioskId: string,
    sessionId: string,
    upload: { requestId: string; declaredSha256: string; contentType: string; body: Buffer },
  ): Promise<SnapshotInfo> {
    const request = this.snapshotRequests.get(upload.requestId);
    if (!request || request.kioskId !== kioskId || request.sessionId !== sessionId || request.state !== 'consented' || Date.now() - request.at > UPLOAD_WINDOW_MS) {
      throw new AppError(ErrorCode.Forbidden, 'no consented snapshot request is waiting for this upload');
    }
    const sha256 = createHash('sha256').update(upload.body).digest('hex');
    if (sha256 !== upload.declaredSha256.toLowerCase()) throw AppError.badRequest('the image does not match its X-Content-SHA256');
    const size = imageSize(upload.body);
    if (!size || size.contentType !== upload.contentType) throw AppError.badRequest('the body is not the JPEG or PNG image its Content-Type says');
    this.snapshotRequests.delete(upload.requestId);
    const stored = await this.options.snapshots.store({
      sessionId,
      requestId: upload.requestId,
      contentType: size.contentType,
      width: size.width,
      height: size.height,
      sha256,
      content: upload.body,
    });
    this.record(sessionId, 'snapshot_taken', 'kiosk', { snapshotId: stored.snapshotId, sha256, width: size.width, height: size.height });
    this.options.notifier.toPeers([request.staffPeerId], 'snapshotStored', stored);
    log.info({ sessionId, snapshotId: stored.snapshotId, bytes: stored.byteSize }, 'snapshot stored');
    return stored;
  }

  pointer(principal: SocketPrincipal, sessionId: string, marks: PointerMark[]): void {
    if (principal.role === 'kiosk') throw AppError.forbidden('only staff point at the document');
    const consultation = this.options.consultations.requireActiveParticipant(principal, sessionId);
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'pointerMarks', { sessionId, marks });
  }

  /**
   * The console shows the document pane, or is hidden (another window in front, minimised):
   * the kiosk sends the document camera only while someone looks at it (issue 16.4).
   */
  documentView(principal: SocketPrincipal, sessionId: string, shown: boolean): void {
    if (principal.role === 'kiosk') throw AppError.forbidden('only staff say whether they look at the document');
    const consultation = this.options.consultations.requireActiveParticipant(principal, sessionId);
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'documentView', { sessionId, shown });
  }

  async reportQuality(principal: SocketPrincipal, sessionId: string, quality: QualitySummary): Promise<void> {
    if (principal.role === 'kiosk') throw AppError.forbidden('staff report the quality');
    // Accepted during the call and just after it (the staff app sends it at hang-up).
    const record = await this.options.sessions.findById(sessionId);
    if (!record || record.staffId !== principal.id) throw AppError.notFound('consultation');
    await this.options.sessions.recordQuality(sessionId, quality);
  }

  private record(sessionId: string, type: 'message_sent' | 'snapshot_taken' | 'snapshot_refused', actor: string, details: Record<string, unknown>): void {
    this.options.consultations.recordEvent(sessionId, type, actor, details);
  }

  private prune(): void {
    const cutoff = Date.now() - ANSWER_WINDOW_MS;
    for (const [id, request] of this.snapshotRequests) if (request.at < cutoff) this.snapshotRequests.delete(id);
  }
}
