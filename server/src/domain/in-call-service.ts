import { createHash, randomUUID } from 'node:crypto';
import type { QualitySummary } from '@madoguchi/contract/consultation';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { PointerMark, ReportDeviceProblemPayload } from '@madoguchi/contract/signalling-schemas';
import type { ChatMessage, GuestDeviceProblem, SnapshotInfo, SocketPrincipal } from '@madoguchi/contract/signalling-events';
import type { ConsultationRepository } from '../db/repositories/consultation-repository';
import type { QuickPhraseRepository } from '../db/repositories/quick-phrase-repository';
import type { SnapshotRepository } from '../db/repositories/snapshot-repository';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';
import type { ConsultationNotifier } from './consultation-notifier';
import type { Consultation } from './consultation';
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
  consultationId: string;
  kioskId: string;
  staffPeerId: string;
  state: 'asked' | 'consented';
  at: number;
}

export interface InCallOptions {
  consultations: Pick<ConsultationService, 'requireActiveParticipant' | 'recordEvent'>;
  notifier: Pick<ConsultationNotifier, 'toPeers'>;
  consultationRecords: Pick<ConsultationRepository, 'findById' | 'recordQuality'>;
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

  async sendMessage(principal: SocketPrincipal, consultationId: string, text: string, phraseId?: string): Promise<ChatMessage> {
    const consultation = this.options.consultations.requireActiveParticipant(principal, consultationId);
    if (phraseId && principal.role === 'kiosk') throw AppError.forbidden('quick phrases are for staff');
    const phrase = phraseId ? await this.options.phrases.findById(phraseId) : null;
    if (phraseId && !phrase) throw AppError.notFound('quick phrase');
    const message: ChatMessage = {
      consultationId,
      messageId: randomUUID(),
      from: peerRoleOf(principal),
      text: phrase ? phrase.texts.ja : text,
      at: this.now().toISOString(),
      translations: phrase ? phrase.texts : null,
    };
    const others = consultation.peerIds().filter((peerId) => peerId !== peerIdOf(principal));
    this.options.notifier.toPeers(others, 'messageReceived', message);
    // The timeline records that a message went, not what it said.
    this.record(consultationId, 'message_sent', peerRoleOf(principal), { length: text.length });
    return message;
  }

  requestSnapshot(principal: SocketPrincipal, consultationId: string): { requestId: string } {
    if (principal.role === 'kiosk') throw AppError.forbidden('only staff take snapshots');
    const consultation = this.options.consultations.requireActiveParticipant(principal, consultationId);
    this.prune();
    const requestId = randomUUID();
    this.snapshotRequests.set(requestId, {
      consultationId,
      kioskId: consultation.kiosk.id,
      staffPeerId: peerIdOf(principal),
      state: 'asked',
      at: Date.now(),
    });
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'snapshotRequested', { consultationId, requestId });
    return { requestId };
  }

  answerSnapshot(principal: SocketPrincipal, consultationId: string, requestId: string, consent: boolean): void {
    const request = this.snapshotRequests.get(requestId);
    if (principal.role !== 'kiosk' || !request || request.consultationId !== consultationId || request.kioskId !== principal.id || request.state !== 'asked') {
      throw AppError.notFound('snapshot request');
    }
    if (consent) {
      request.state = 'consented';
      request.at = Date.now();
    } else {
      this.snapshotRequests.delete(requestId);
      this.record(consultationId, 'snapshot_refused', 'kiosk', { requestId });
    }
    this.options.notifier.toPeers([request.staffPeerId], 'snapshotAnswered', { consultationId, requestId, consent });
  }

  /**
   * A device of the call does not work. The kiosk's (document camera, face camera, microphone):
   * its specialist is told, and stops waiting for a snapshot it asked for. The desk's (camera,
   * microphone): the kiosk is told, so the resident is not left waiting for a picture. Both go
   * on the record. A guest's own (camera, microphone): the desk is told, so it knows why the
   * interpreter's picture or voice is missing.
   */
  reportDeviceProblem(principal: SocketPrincipal, payload: ReportDeviceProblemPayload): void {
    if (principal.role === 'guest') return this.reportGuestDeviceProblem(principal, payload);
    if (principal.role === 'staff' || principal.role === 'admin') {
      if (payload.device === 'documentCamera' || payload.requestId) throw AppError.badRequest('a desk reports only its own camera or microphone');
      const consultation = this.options.consultations.requireActiveParticipant(principal, payload.consultationId);
      consultation.deskDeviceProblems.add(payload.device);
      log.warn({ consultationId: payload.consultationId, device: payload.device }, 'desk device problem');
      this.record(payload.consultationId, 'device_problem', 'staff', { device: payload.device });
      this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'deviceProblem', { consultationId: payload.consultationId, device: payload.device });
      return;
    }
    if (principal.role !== 'kiosk') throw AppError.forbidden('only the kiosk and the desk report their devices');
    const consultation = this.options.consultations.requireActiveParticipant(principal, payload.consultationId);
    const { requestId } = payload;
    const request = requestId ? this.snapshotRequests.get(requestId) : undefined;
    if (requestId && request?.consultationId === payload.consultationId && request.kioskId === principal.id) this.snapshotRequests.delete(requestId);
    log.warn({ consultationId: payload.consultationId, device: payload.device }, 'kiosk device problem');
    // The record keeps why the specialist saw no picture or heard nothing.
    this.record(payload.consultationId, 'device_problem', 'kiosk', { device: payload.device, ...(requestId ? { requestId } : {}) });
    consultation.kioskDeviceProblems.add(payload.device);
    const staff = consultation.peerIds().filter((peerId) => peerId.startsWith('staff:'));
    this.options.notifier.toPeers(staff, 'deviceProblem', { consultationId: payload.consultationId, device: payload.device, ...(requestId ? { requestId } : {}) });
  }

  private reportGuestDeviceProblem(principal: SocketPrincipal, payload: ReportDeviceProblemPayload): void {
    const { consultationId, device } = payload;
    const consultation = this.options.consultations.requireActiveParticipant(principal, consultationId);
    if (device === 'documentCamera' || payload.requestId) throw AppError.badRequest('a guest reports only their own camera or microphone');
    log.warn({ consultationId, device }, 'guest device problem');
    this.record(consultationId, 'device_problem', 'guest', { device });
    const problem: GuestDeviceProblem = { consultationId, device, guestKind: principal.guestKind ?? 'other' };
    const known = consultation.guestDeviceProblems.get(principal.id) ?? [];
    if (!known.some((p) => p.device === device)) consultation.guestDeviceProblems.set(principal.id, [...known, problem]);
    const staff = consultation.peerIds().filter((peerId) => peerId.startsWith('staff:'));
    this.options.notifier.toPeers(staff, 'guestDeviceProblem', problem);
  }

  /**
   * Joining the call (answering, or a page reloaded): the desk hears what the kiosk and the guests
   * reported missing, the kiosk what the desk did. A guest joining again starts afresh: their
   * page reports again what is still missing.
   */
  retellDeviceProblems(principal: SocketPrincipal, consultationId: string): void {
    let consultation: Consultation;
    try {
      consultation = this.options.consultations.requireActiveParticipant(principal, consultationId);
    } catch {
      return; // not (or no longer) this party's call, or not answered yet
    }
    if (principal.role === 'guest') {
      consultation.guestDeviceProblems.delete(principal.id);
      return;
    }
    const devices = principal.role === 'kiosk' ? consultation.deskDeviceProblems : consultation.kioskDeviceProblems;
    for (const device of devices) this.options.notifier.toPeers([peerIdOf(principal)], 'deviceProblem', { consultationId, device });
    if (principal.role === 'kiosk') return;
    // The desk also hears again which guest cannot be seen or heard.
    for (const problem of [...consultation.guestDeviceProblems.values()].flat()) this.options.notifier.toPeers([peerIdOf(principal)], 'guestDeviceProblem', problem);
  }

  /** The kiosk's upload after consent: checked against its checksum, stored, announced. */
  async storeSnapshot(
    kioskId: string,
    consultationId: string,
    upload: { requestId: string; declaredSha256: string; contentType: string; body: Buffer },
  ): Promise<SnapshotInfo> {
    const request = this.snapshotRequests.get(upload.requestId);
    if (!request || request.kioskId !== kioskId || request.consultationId !== consultationId || request.state !== 'consented' || Date.now() - request.at > UPLOAD_WINDOW_MS) {
      throw new AppError(ErrorCode.Forbidden, 'no consented snapshot request is waiting for this upload');
    }
    const sha256 = createHash('sha256').update(upload.body).digest('hex');
    if (sha256 !== upload.declaredSha256.toLowerCase()) throw AppError.badRequest('the image does not match its X-Content-SHA256');
    const size = imageSize(upload.body);
    if (!size || size.contentType !== upload.contentType) throw AppError.badRequest('the body is not the JPEG or PNG image its Content-Type says');
    this.snapshotRequests.delete(upload.requestId);
    const stored = await this.options.snapshots.store({
      consultationId,
      requestId: upload.requestId,
      contentType: size.contentType,
      width: size.width,
      height: size.height,
      sha256,
      content: upload.body,
    });
    this.record(consultationId, 'snapshot_taken', 'kiosk', { snapshotId: stored.snapshotId, sha256, width: size.width, height: size.height });
    this.options.notifier.toPeers([request.staffPeerId], 'snapshotStored', stored);
    log.info({ consultationId, snapshotId: stored.snapshotId, bytes: stored.byteSize }, 'snapshot stored');
    return stored;
  }

  pointer(principal: SocketPrincipal, consultationId: string, marks: PointerMark[]): void {
    if (principal.role === 'kiosk') throw AppError.forbidden('only staff point at the document');
    const consultation = this.options.consultations.requireActiveParticipant(principal, consultationId);
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'pointerMarks', { consultationId, marks });
  }

  /**
   * The console shows the document pane, or is hidden (another window in front, minimised):
   * the kiosk sends the document camera only while someone looks at it (issue 16.4).
   */
  documentView(principal: SocketPrincipal, consultationId: string, shown: boolean): void {
    if (principal.role === 'kiosk') throw AppError.forbidden('only staff say whether they look at the document');
    const consultation = this.options.consultations.requireActiveParticipant(principal, consultationId);
    this.options.notifier.toPeers([kioskPeer(consultation.kiosk.id)], 'documentView', { consultationId, shown });
  }

  async reportQuality(principal: SocketPrincipal, consultationId: string, quality: QualitySummary): Promise<void> {
    if (principal.role === 'kiosk') throw AppError.forbidden('staff report the quality');
    // Accepted during the call and just after it (the staff app sends it at hang-up).
    const record = await this.options.consultationRecords.findById(consultationId);
    if (!record || record.staffId !== principal.id) throw AppError.notFound('consultation');
    await this.options.consultationRecords.recordQuality(consultationId, quality);
  }

  private record(consultationId: string, type: 'message_sent' | 'snapshot_taken' | 'snapshot_refused' | 'device_problem', actor: string, details: Record<string, unknown>): void {
    this.options.consultations.recordEvent(consultationId, type, actor, details);
  }

  private prune(): void {
    const cutoff = Date.now() - ANSWER_WINDOW_MS;
    for (const [id, request] of this.snapshotRequests) if (request.at < cutoff) this.snapshotRequests.delete(id);
  }
}
