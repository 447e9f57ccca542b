import type { KioskDevice } from '@madoguchi/contract/signalling-schemas';
import type { ConsultationState, EndReason, MediaFlag, PeerInfo, QueueEntry } from '@madoguchi/contract/consultation';
import type { GuestKind } from '@madoguchi/contract/guests';
import type { PeerRole } from '@madoguchi/contract/media-types';
import type { GuestDeviceProblem } from '@madoguchi/contract/signalling-events';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';
import { guestPeer, kioskPeer, staffPeer } from './room-names';

const log = createLogger('consultation');

const TRANSITIONS: Record<ConsultationState, readonly ConsultationState[]> = {
  queued: ['active', 'ended'],
  active: ['ended'],
  ended: [],
};

export interface Participant {
  role: PeerRole;
  /** `kiosk:<id>` or `staff:<id>`; the SFU peer id. */
  peerId: string;
  displayName: string;
  /** Guests only (see PeerInfo). */
  guestKind?: GuestKind;
  /** The socket that joined last; media requests go to it. */
  socketId: string | null;
}

/**
 * Who is waiting and for what: the department, and the appointment for booked residents. The
 * queue shows these same fields, so they are the queue entry's.
 */
export interface ConsultationIntake
  extends Pick<QueueEntry, 'departmentId' | 'departmentName' | 'appointmentId' | 'residentName' | 'language' | 'needs'> {
  /** Set when staff handed the resident over from another consultation. */
  transferredFrom?: string | undefined;
}

export const WALK_IN: ConsultationIntake = {
  departmentId: null,
  departmentName: null,
  appointmentId: null,
  residentName: null,
  language: 'ja',
  needs: null,
};

/** One live consultation held in memory while it is queued or active. */
export class Consultation {
  private current: ConsultationState = 'queued';
  staff: { id: string; displayName: string } | null = null;
  endReason: EndReason | null = null;
  /** tcp_fallback once someone joined again over ICE-TCP; media_failed when the call ends that way. */
  mediaFlag: MediaFlag | null = null;
  /** Kiosk devices reported missing in this call (camera, microphone, document camera): told again to a desk that joins later. */
  readonly kioskDeviceProblems = new Set<KioskDevice>();
  /** The desk's camera or microphone reported missing: told again to a kiosk whose page reloads. */
  readonly deskDeviceProblems = new Set<KioskDevice>();
  /** Guests' cameras or microphones reported missing, by guest (link id): told again to a desk that joins again, forgotten when the guest leaves. */
  readonly guestDeviceProblems = new Map<string, GuestDeviceProblem[]>();
  readonly participants = new Map<string, Participant>();
  /** Guest links issued for this call that have not been spent (their guest has not left). */
  readonly guests = new Set<string>();
  /** Timers that end the call if a participant does not come back. */
  readonly graceTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly id: string,
    readonly kiosk: { id: string; name: string; location: string },
    readonly queuedAt: Date,
    readonly intake: ConsultationIntake = WALK_IN,
  ) {}

  get state(): ConsultationState {
    return this.current;
  }

  setState(next: ConsultationState): void {
    if (next === this.current) return;
    if (!TRANSITIONS[this.current].includes(next)) {
      throw AppError.invalidState(`consultation cannot go from ${this.current} to ${next}`);
    }
    log.info({ consultationId: this.id }, `[state] ${this.current} -> ${next}`);
    this.current = next;
  }

  /** Everyone who takes part: the kiosk, once answered the staff member, and invited guests. */
  peerIds(): string[] {
    return [kioskPeer(this.kiosk.id), ...(this.staff ? [staffPeer(this.staff.id)] : []), ...[...this.guests].map(guestPeer)];
  }

  isParticipant(peerId: string): boolean {
    return this.peerIds().includes(peerId);
  }

  peers(): PeerInfo[] {
    return [...this.participants.values()].map(({ role, displayName, guestKind }) => (guestKind ? { role, displayName, guestKind } : { role, displayName }));
  }

  toQueueEntry(): QueueEntry {
    return {
      consultationId: this.id,
      kind: this.intake.appointmentId ? 'booked' : 'walk_in',
      kioskId: this.kiosk.id,
      kioskName: this.kiosk.name,
      kioskLocation: this.kiosk.location,
      departmentId: this.intake.departmentId,
      departmentName: this.intake.departmentName,
      appointmentId: this.intake.appointmentId,
      residentName: this.intake.residentName,
      language: this.intake.language,
      needs: this.intake.needs,
      queuedAt: this.queuedAt.toISOString(),
    };
  }

  /** The participant is back (or never needed to be): their grace period stops. */
  stopGraceTimer(peerId: string): void {
    clearTimeout(this.graceTimers.get(peerId));
    this.graceTimers.delete(peerId);
  }

  clearGraceTimers(): void {
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
  }
}
