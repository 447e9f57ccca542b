import type { Language } from '@madoguchi/contract/languages';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { CheckInResult } from '@madoguchi/contract/signalling-events';
import type { KioskDisplaySettings } from '@madoguchi/contract/town-settings';
import type { ConsultationRepository } from '../../db/repositories/consultation-repository';
import type { DepartmentRepository } from '../../db/repositories/department-repository';
import type { KioskRepository } from '../../db/repositories/kiosk-repository';
import { createLogger } from '../../logging/logger';
import type { AppointmentService } from '../appointment-service';
import { AppError } from '../app-error';
import { Consultation, WALK_IN, type ConsultationIntake } from '../consultation';
import type { ConsultationNotifier } from '../consultation-notifier';
import { publicResidentName } from '../resident-name';
import { kioskPeer } from '../room-names';
import type { StaffPresence } from '../wait-outlook';
import type { ConsultationTimeline } from './consultation-timeline';
import type { LiveConsultations } from './live-registry';
import { QueueForecasts } from './queue-forecasts';

const log = createLogger('consultation-queue');

export interface ConsultationQueueOptions {
  live: LiveConsultations;
  timeline: ConsultationTimeline;
  consultationRecords: Pick<ConsultationRepository, 'createQueued' | 'recentDurations' | 'markEnded'>;
  kiosks: Pick<KioskRepository, 'findById'>;
  departments: Pick<DepartmentRepository, 'findById'>;
  appointments: Pick<AppointmentService, 'checkIn' | 'consultationEnded'>;
  notifier: ConsultationNotifier;
  nodeId: string;
  now: () => Date;
  kioskDisplay?: (() => Promise<KioskDisplaySettings>) | undefined;
  staffPresence?: (() => Promise<StaffPresence[]>) | undefined;
  busyStaff?: ((onThisNode: ReadonlySet<string>) => Promise<ReadonlySet<string>>) | undefined;
  onForecastInputsChanged?: (() => void) | undefined;
}

export interface Queued {
  consultationId: string;
  queuePosition: number;
}

/**
 * Residents joining the queue (walk-in, booking check-in, transfer) and what the queue tells
 * people: staff consoles see it change, each waiting kiosk hears its place and forecast.
 */
export class ConsultationQueue {
  private readonly forecasts: QueueForecasts;
  private forecastRound: Promise<void> | null = null;
  private forecastAgain = false;

  constructor(private readonly options: ConsultationQueueOptions) {
    this.forecasts = new QueueForecasts({ consultationRecords: options.consultationRecords, notifier: options.notifier, staffPresence: options.staffPresence });
  }

  /** A walk-in resident asks for a specialist of one department (or the general counter). */
  async callStaff(kioskId: string, request: { departmentId?: string | undefined; language?: Language | undefined } = {}): Promise<Queued> {
    let intake: ConsultationIntake = { ...WALK_IN, language: request.language ?? 'ja' };
    if (request.departmentId) {
      const department = await this.options.departments.findById(request.departmentId);
      if (!department?.active) throw AppError.badRequest('no such department');
      intake = { ...intake, departmentId: department.id, departmentName: department.name };
    }
    return this.enqueue(kioskId, intake);
  }

  /** A booked resident checks in with their code; their appointment becomes a queued consultation. */
  async checkIn(kioskId: string, code: string, language: Language | undefined): Promise<CheckInResult> {
    if (this.options.live.openForKiosk(kioskId)) throw AppError.invalidState('this kiosk already has a resident waiting or in a call');
    const appointment = await this.options.appointments.checkIn(kioskId, code);
    try {
      const queued = await this.enqueue(kioskId, {
        departmentId: appointment.departmentId,
        departmentName: appointment.departmentName,
        appointmentId: appointment.id,
        residentName: appointment.residentName,
        language: language ?? appointment.preferredLanguage,
        needs: appointment.needs,
      });
      return {
        ...queued,
        appointment: {
          id: appointment.id,
          departmentName: appointment.departmentName,
          startsAt: appointment.startsAt,
          endsAt: appointment.endsAt,
          residentName: publicResidentName(appointment.residentName, await this.nameDisplay()),
        },
      };
    } catch (error) {
      await this.options.appointments.consultationEnded(appointment.id, false).catch((undo: unknown) => log.error({ err: undo }, 'could not undo a check-in'));
      throw error;
    }
  }

  /**
   * Queues a consultation for the kiosk, or gives the kiosk's waiting one back (a kiosk that
   * reconnected while waiting keeps its place).
   */
  async enqueue(kioskId: string, intake: ConsultationIntake): Promise<Queued> {
    const { live } = this.options;
    return live.mutex.run(kioskPeer(kioskId), async () => {
      const existing = live.openForKiosk(kioskId);
      if (!existing && live.isDraining) {
        throw new AppError(ErrorCode.Unavailable, 'this server is restarting; please try again in a moment');
      }
      if (existing?.state === 'active') throw AppError.invalidState('this kiosk is already in a call');
      if (existing && intake.appointmentId && existing.intake.appointmentId !== intake.appointmentId) {
        throw AppError.invalidState('this kiosk already has a resident waiting');
      }
      existing?.stopGraceTimer(kioskPeer(kioskId));
      if (!existing) {
        const kiosk = await this.options.kiosks.findById(kioskId);
        if (!kiosk || !kiosk.active) throw AppError.forbidden('kiosk is not registered');
        const row = await this.options.consultationRecords.createQueued(kioskId, this.options.now(), { ...intake, nodeId: this.options.nodeId });
        if (live.isStopping || live.isDraining) {
          // The server began to stop while the row was written: the shutdown has ended every call it
          // knew, not this one, so it is closed here, or the kiosk could not queue anywhere until
          // the next start closed it.
          await this.options.consultationRecords
            .markEnded(row.id, 'server_restart', this.options.now(), null)
            .catch((error: unknown) => log.error({ err: error, consultationId: row.id }, 'could not close a consultation queued during shutdown'));
          throw new AppError(ErrorCode.Unavailable, 'this server is restarting; please try again in a moment');
        }
        live.add(new Consultation(row.id, kiosk, row.queuedAt, intake));
        this.options.timeline.record(row.id, 'queued', 'kiosk', { kind: intake.appointmentId ? 'booked' : 'walk_in', ...(intake.transferredFrom ? { transferredFrom: intake.transferredFrom } : {}) });
        log.info({ consultationId: row.id, kioskId }, 'resident queued');
        this.publish();
      }
      const queue = live.queue();
      const consultationId = existing?.id ?? queue.find((e) => e.kioskId === kioskId)?.consultationId;
      if (!consultationId) throw AppError.invalidState('queue entry vanished');
      return { consultationId, queuePosition: queue.findIndex((e) => e.consultationId === consultationId) + 1 };
    });
  }

  /** The queue went out to staff; each waiting kiosk hears its place and what to expect. */
  publish(): void {
    const queue = this.options.live.queue();
    this.options.notifier.queueChanged(queue);
    void this.sendForecasts();
    this.options.onForecastInputsChanged?.();
  }

  /** A member came, left or went 離席中/対応可能: the waiting residents' outlook may change. */
  refreshForecasts(): void {
    this.refreshLocalForecasts();
    this.options.onForecastInputsChanged?.();
  }

  /** Another node said its staff or calls changed: only this node's waiting residents are told again. */
  refreshLocalForecasts(): void {
    void this.sendForecasts();
  }

  /**
   * One forecast round at a time, and one more if anything changed meanwhile: rounds read
   * presence asynchronously, so two running at once could deliver an older 「soon」 after a
   * newer 「nobody」 and leave the kiosk showing the stale one.
   */
  private sendForecasts(): Promise<void> {
    if (this.forecastRound) {
      this.forecastAgain = true;
      return this.forecastRound;
    }
    this.forecastRound = (async () => {
      try {
        do {
          this.forecastAgain = false;
          await this.sendForecastsOnce().catch((error: unknown) => log.warn({ err: error }, 'could not send the waiting forecasts'));
        } while (this.forecastAgain);
      } finally {
        this.forecastRound = null;
      }
    })();
    return this.forecastRound;
  }

  private async sendForecastsOnce(): Promise<void> {
    const queue = this.options.live.queue();
    // Skips the cluster-wide lookup (a query) when nobody waits here.
    if (queue.length === 0) return;
    const here = this.options.live.staffInCalls();
    const busy = this.options.busyStaff ? await this.options.busyStaff(here) : here;
    await this.forecasts.send(queue, busy);
  }

  private async nameDisplay(): Promise<KioskDisplaySettings['residentNameDisplay']> {
    try {
      return (await this.options.kioskDisplay?.())?.residentNameDisplay ?? 'family_name';
    } catch (error) {
      // The safe side: a masked name.
      log.warn({ err: error }, 'could not read the kiosk display setting');
      return 'family_name';
    }
  }
}
