import type { MediaRoomApi, SfuApi } from '@madoguchi/sfu';
import type { EndReason } from '@madoguchi/contract/consultation';
import type { PeerRole } from '@madoguchi/contract/media-types';
import type { ConsultationRepository } from '../../db/repositories/consultation-repository';
import { createLogger } from '../../logging/logger';
import type { AppointmentService } from '../appointment-service';
import type { Consultation } from '../consultation';
import type { ConsultationNotifier } from '../consultation-notifier';
import { isKioskPeer } from '../room-names';
import type { WriteRetryQueue } from '../write-retry-queue';
import type { AfterCall } from './after-call';
import type { LiveConsultations } from './live-registry';

const log = createLogger('consultation-service');

/** Features that live beside a call (captions) hook in here instead of into the consultation modules. */
export interface ConsultationObserver {
  roomOpened(consultation: Consultation, room: MediaRoomApi): void;
  ended(consultationId: string): void;
}

export interface EndOptions {
  /** A transfer: the kiosk waits on under its next consultation and hears no end. */
  kioskStaysQueued?: boolean;
  failedRoles?: PeerRole[];
  /** When the call stopped, if not now (another node may have recorded it at that time). */
  endedAt?: Date;
}

/** Ends a consultation; every module that can end a call gets this, not the whole service. */
/** Resolves true for the one call that ended the consultation, false when it had already ended. */
export type EndCall = (consultationId: string, reason: EndReason, options?: EndOptions) => Promise<boolean>;

export interface CallEndingOptions {
  live: LiveConsultations;
  afterCall: AfterCall;
  consultationRecords: Pick<ConsultationRepository, 'markEnded'>;
  appointments: Pick<AppointmentService, 'consultationEnded'>;
  sfu: Pick<SfuApi, 'getRoom'>;
  notifier: ConsultationNotifier;
  writes: WriteRetryQueue;
  /** The queue changed: staff and the waiting kiosks hear it. */
  publishQueue: () => void;
  observer?: ConsultationObserver | undefined;
  now: () => Date;
}

/**
 * The one way a consultation ends (hang-up, grace period over, media failure, transfer, node
 * lost, shutdown): the state machine goes to `ended` once, then media, the record, the
 * booking and the notifications follow in that order.
 */
export class CallEnding {
  private readonly ending = new Set<Promise<boolean>>();

  constructor(private readonly options: CallEndingOptions) {}

  /** Ends a consultation once: media, then the record, then notifications. Later calls do nothing (and resolve false). */
  readonly end: EndCall = async (consultationId, reason, options = {}) => {
    const { live } = this.options;
    const ending = live.mutex.run(consultationId, async () => {
      const consultation = live.find(consultationId);
      if (!consultation || consultation.state === 'ended') return false;
      consultation.setState('ended');
      consultation.endReason = reason;
      if (reason === 'media_failed') consultation.mediaFlag = 'media_failed';
      this.options.afterCall.remember(consultationId, { kioskId: consultation.kiosk.id, staffId: consultation.staff?.id ?? null });
      consultation.clearGraceTimers();
      live.remove(consultationId);
      this.options.observer?.ended(consultationId);
      this.options.sfu.getRoom(consultationId)?.close();
      await this.record(consultation, reason, options.endedAt ?? this.options.now());
      const peerIds = consultation.peerIds().filter((peerId) => !(options.kioskStaysQueued && isKioskPeer(peerId)));
      this.options.notifier.callEnded(consultationId, peerIds, reason, options.failedRoles);
      this.options.publishQueue();
      log.info({ consultationId, reason }, 'consultation ended');
      live.wakeIfIdle();
      return true;
    });
    this.ending.add(ending);
    try {
      return await ending;
    } finally {
      this.ending.delete(ending);
    }
  };

  /** Ends every call this node holds the same way. */
  async endAll(reason: EndReason, options: EndOptions = {}): Promise<void> {
    await Promise.all(this.options.live.ids().map((id) => this.end(id, reason, options)));
  }

  /** Resolves once every end under way has written what it could. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.ending]);
  }

  private async record(consultation: Consultation, reason: EndReason, endedAt: Date): Promise<void> {
    const { writes } = this.options;
    const consultationId = consultation.id;
    try {
      // The call is over for the people in it whatever the database says: if it is away,
      // the write waits and lands when it is back (or, if the process dies first, the record
      // is closed as server_restart at the next start, or node_lost by another node).
      await writes.submit(`end ${consultationId}`, () => this.options.consultationRecords.markEnded(consultationId, reason, endedAt, consultation.mediaFlag));
    } catch (error) {
      log.error({ err: error, consultationId }, 'could not record the end of a consultation');
    }
    const appointmentId = consultation.intake.appointmentId;
    // A transfer goes on with the same booking in the next consultation.
    if (appointmentId && reason !== 'transferred') {
      const answered = consultation.staff !== null;
      await writes
        .submit(`appointment ${appointmentId}`, () => this.options.appointments.consultationEnded(appointmentId, answered))
        .catch((error: unknown) => log.error({ err: error, consultationId }, 'could not close the appointment'));
    }
  }
}
