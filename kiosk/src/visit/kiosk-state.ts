import type { EndReason, WaitOutlook } from '@madoguchi/contract/consultation';
import type { KioskBookingCreated } from '@madoguchi/contract/kiosk-booking';
import type { ResumableDepartment } from '@madoguchi/contract/signalling-events';

/**
 * Why the kiosk cannot serve right now. `offline` heals when the server is back; the rest
 * return to Idle on their own after a while. A kiosk without a working credential is not
 * in a fault but in `pairing`, waiting for an installer.
 */
export type FaultKind = 'offline' | 'callFailed' | 'noAnswer' | 'unexpected';

/** unregistered: no credential stored; revoked: the server refused it; requested: `#pair`. */
export type PairingReason = 'unregistered' | 'revoked' | 'requested';
export type PairingError = 'wrongCode' | 'rateLimited' | 'offline';
/** notFound also covers a code already used; tooEarly and tooLate: the booking's check-in window. */
export type CheckInError = 'notFound' | 'tooEarly' | 'tooLate' | 'rateLimited' | 'offline';

/** One state, one screen. Nothing about a resident outlives the state that shows it. */
export type KioskState =
  | { name: 'starting' }
  | { name: 'pairing'; reason: PairingReason; submitting: boolean; error: PairingError | null }
  | { name: 'idle' }
  /** 「予約があります」 or 「予約なしで相談」. */
  | { name: 'start' }
  | { name: 'checkIn'; submitting: boolean; error: CheckInError | null }
  | { name: 'walkIn' }
  /**
   * Waiting for a specialist; `residentName` only for a checked-in booking,
   * `transferredTo` only after a specialist handed the resident on to another department
   * (its id names it in the kiosk's language, the server's Japanese name is the fallback).
   */
  | {
      name: 'calling';
      queuePosition: number | null;
      residentName: string | null;
      transferredTo?: { id: string; name: string };
      /** The department a walk-in chose (not after a transfer): what 「この窓口で予約する」 would book. */
      departmentId?: string;
      /** From who can answer and recent call lengths, sent by the server whenever the queue or the staff change. */
      estimatedWaitSeconds?: number | null;
      /** Someone free (「まもなく」), all busy, or nobody who could answer is online. */
      outlook?: WaitOutlook;
    }
  /** 「この窓口で予約する」: nobody could answer, so the resident books a later time here (the queue is left). */
  | { name: 'bookHere'; departmentId: string }
  /** Booked: the check-in code and its QR, until the resident presses 「おわる」 or walks away. */
  | { name: 'booked'; booking: KioskBookingCreated }
  | { name: 'inCall'; staffName: string | null }
  | { name: 'survey'; consultationId: string; reason: EndReason }
  | { name: 'ended'; reason: EndReason }
  /** The call was answered but no picture or sound got through: staff will phone, or try again. */
  | { name: 'mediaFailed' }
  | { name: 'fault'; fault: FaultKind };

export type KioskStateName = KioskState['name'];

export type KioskEvent =
  /** Token and signalling are up: the kiosk can take a resident. */
  | { type: 'ready' }
  | { type: 'pairingRequired'; reason: PairingReason }
  | { type: 'pairingSubmitted' }
  | { type: 'pairingFailed'; error: PairingError }
  /** A credential is stored: start over with it. */
  | { type: 'paired' }
  /** Idle: the resident touched 「はじめる」. */
  | { type: 'begin' }
  | { type: 'bookingChosen' }
  | { type: 'walkInChosen' }
  /** One screen back: checkIn and walkIn to start, start to idle. */
  | { type: 'back' }
  | { type: 'checkInSubmitted' }
  | { type: 'checkInFailed'; error: CheckInError }
  | { type: 'checkedIn'; queuePosition: number; residentName: string | null }
  /** A walk-in asked for a specialist (with or without a department). */
  | { type: 'callRequested'; departmentId?: string }
  /** Waiting with nobody able to answer: 「この窓口で予約する」. */
  | { type: 'bookHereChosen' }
  | { type: 'bookedHere'; booking: KioskBookingCreated }
  | { type: 'queued'; queuePosition: number }
  /** The queue moved: a new place and a fresh estimate. */
  | { type: 'queueMoved'; queuePosition: number; estimatedWaitSeconds: number | null; outlook: WaitOutlook }
  | { type: 'accepted'; staffName: string | null }
  /** Staff handed the call to another department: waiting again, with no new check-in. */
  | { type: 'transferred'; departmentId: string; departmentName: string; queuePosition: number }
  /** The resident stopped waiting. */
  | { type: 'cancelled' }
  /**
   * After a reload the server still holds this kiosk's consultation: back to waiting (for the
   * department it waits for, handed over or chosen) or into the call.
   */
  | { type: 'resumed'; answered: boolean; queuePosition: number | null; staffName: string | null; department: ResumableDepartment | null }
  /** `consultationId` null: nothing to rate, so no survey. */
  | { type: 'callEnded'; reason: EndReason; consultationId: string | null }
  /** mediaFailed: 「もう一度 呼ぶ」. */
  | { type: 'retry' }
  /** The resident chose a face or 「とばす」. */
  | { type: 'surveyDone' }
  /** The state's timer ran out: inactivity, the survey's auto-skip, a notice shown long enough. */
  | { type: 'timeout' }
  | { type: 'fault'; fault: FaultKind };

/** States where a resident is choosing or typing; nobody touching them for a while means nobody is there. */
export const INTERACTIVE_STATES: ReadonlySet<KioskStateName> = new Set(['start', 'checkIn', 'walkIn', 'bookHere', 'booked']);

/**
 * Where nobody touching the screen for a while asks 「続けますか？」 before the kiosk gives
 * up (WCAG 2.2.1): the choosing screens only. A resident waiting for a specialist or in a call
 * has nothing to touch and must never lose their place for sitting still: the waiting screen
 * reassures them every minute instead, and a resident who really walked away is found by the
 * specialist after answering (「キオスクに人がいない」, recorded as `resident_absent`).
 */
export const IDLE_WARNING_STATES: ReadonlySet<KioskStateName> = INTERACTIVE_STATES;

const IDLE: KioskState = { name: 'idle' };

function fromPairing(state: Extract<KioskState, { name: 'pairing' }>, event: KioskEvent): KioskState {
  switch (event.type) {
    case 'pairingRequired':
      return state.reason === event.reason ? state : { ...state, reason: event.reason };
    case 'pairingSubmitted':
      return state.submitting ? state : { ...state, submitting: true, error: null };
    case 'pairingFailed':
      return state.submitting ? { ...state, submitting: false, error: event.error } : state;
    case 'paired':
      return state.submitting ? { name: 'starting' } : state;
    default:
      return state;
  }
}

function fromCheckIn(state: Extract<KioskState, { name: 'checkIn' }>, event: KioskEvent): KioskState {
  if (state.submitting) {
    if (event.type === 'checkedIn') {
      return { name: 'calling', queuePosition: event.queuePosition, residentName: event.residentName };
    }
    if (event.type === 'checkInFailed') return { name: 'checkIn', submitting: false, error: event.error };
    // A specialist can answer before the check-in's own ack reaches the kiosk.
    if (event.type === 'accepted') return { name: 'inCall', staffName: event.staffName };
    return state;
  }
  if (event.type === 'checkInSubmitted') return { name: 'checkIn', submitting: true, error: null };
  if (event.type === 'back') return { name: 'start' };
  if (event.type === 'timeout') return IDLE;
  return state;
}

function fromCalling(state: Extract<KioskState, { name: 'calling' }>, event: KioskEvent): KioskState {
  switch (event.type) {
    case 'queued':
      return state.queuePosition === event.queuePosition ? state : { ...state, queuePosition: event.queuePosition };
    case 'queueMoved':
      return state.queuePosition === event.queuePosition && state.estimatedWaitSeconds === event.estimatedWaitSeconds && state.outlook === event.outlook
        ? state
        : { ...state, queuePosition: event.queuePosition, estimatedWaitSeconds: event.estimatedWaitSeconds, outlook: event.outlook };
    case 'accepted':
      return { name: 'inCall', staffName: event.staffName };
    case 'transferred': {
      // Now another department's queue: the walk-in's own choice no longer says what to book.
      const { departmentId: _chosen, ...rest } = state;
      return { ...rest, queuePosition: event.queuePosition, transferredTo: { id: event.departmentId, name: event.departmentName } };
    }
    case 'cancelled':
      return IDLE;
    case 'bookHereChosen':
      return state.departmentId ? { name: 'bookHere', departmentId: state.departmentId } : state;
    default:
      return state;
  }
}

/** The waiting state's department after a reload, as the same wait had it before (a handover's, or the walk-in's own choice). */
function resumedDepartment(department: ResumableDepartment | null): Pick<Extract<KioskState, { name: 'calling' }>, 'transferredTo' | 'departmentId'> {
  if (!department) return {};
  return department.transferred ? { transferredTo: { id: department.id, name: department.name } } : { departmentId: department.id };
}

/**
 * The kiosk's transitions:
 *   starting -> idle -> start -> walkIn -> calling -> inCall -> survey -> ended -> idle
 *                       start -> checkIn -> calling            (start -> calling with no departments)
 *   start, checkIn, walkIn -> back one screen, or idle after inactivity
 *   calling -> idle (cancelled)      inCall -> calling (transferred)
 *   calling -> bookHere (nobody can answer) -> booked -> idle; bookHere -> start (back)
 *   inCall -> mediaFailed (no media got through) -> start (retry) | idle (back, timeout)
 *   any -> fault      fault -> idle (ready or timeout)
 *   any but calling, inCall -> calling or inCall (resumed: the page reloaded during a call)
 *   any -> pairing (no or revoked credential) -> starting (paired)
 * An event that does not apply returns the same state object, so callers can compare.
 */
export function transition(state: KioskState, event: KioskEvent): KioskState {
  if (state.name === 'pairing') return fromPairing(state, event);
  if (event.type === 'pairingRequired') return { name: 'pairing', reason: event.reason, submitting: false, error: null };
  if (event.type === 'fault') {
    return state.name === 'fault' && state.fault === event.fault ? state : { name: 'fault', fault: event.fault };
  }
  if (event.type === 'resumed') {
    if (state.name === 'calling' || state.name === 'inCall') return state;
    if (event.answered) return { name: 'inCall', staffName: event.staffName };
    return { name: 'calling', queuePosition: event.queuePosition, residentName: null, ...resumedDepartment(event.department) };
  }
  switch (state.name) {
    case 'starting':
      return event.type === 'ready' ? IDLE : state;
    case 'idle':
      return event.type === 'begin' ? { name: 'start' } : state;
    case 'start':
      if (event.type === 'bookingChosen') return { name: 'checkIn', submitting: false, error: null };
      if (event.type === 'walkInChosen') return { name: 'walkIn' };
      if (event.type === 'callRequested') return { name: 'calling', queuePosition: null, residentName: null };
      return event.type === 'back' || event.type === 'timeout' ? IDLE : state;
    case 'checkIn':
      return fromCheckIn(state, event);
    case 'walkIn':
      if (event.type === 'callRequested') return { name: 'calling', queuePosition: null, residentName: null, ...(event.departmentId ? { departmentId: event.departmentId } : {}) };
      if (event.type === 'back') return { name: 'start' };
      return event.type === 'timeout' ? IDLE : state;
    case 'bookHere':
      if (event.type === 'bookedHere') return { name: 'booked', booking: event.booking };
      if (event.type === 'back') return { name: 'start' };
      return event.type === 'timeout' ? IDLE : state;
    case 'booked':
      // 「おわる」 or nobody there any more: the code leaves the screen with the state.
      return event.type === 'back' || event.type === 'timeout' ? IDLE : state;
    case 'calling':
      return fromCalling(state, event);
    case 'inCall':
      if (event.type === 'transferred') {
        return { name: 'calling', queuePosition: event.queuePosition, residentName: null, transferredTo: { id: event.departmentId, name: event.departmentName } };
      }
      if (event.type !== 'callEnded') return state;
      if (event.reason === 'media_failed') return { name: 'mediaFailed' };
      return event.consultationId
        ? { name: 'survey', consultationId: event.consultationId, reason: event.reason }
        : { name: 'ended', reason: event.reason };
    case 'survey':
      return event.type === 'surveyDone' || event.type === 'timeout' ? { name: 'ended', reason: state.reason } : state;
    case 'ended':
      return event.type === 'timeout' ? IDLE : state;
    case 'mediaFailed':
      if (event.type === 'retry') return { name: 'start' };
      return event.type === 'timeout' || event.type === 'back' ? IDLE : state;
    case 'fault':
      return event.type === 'ready' || event.type === 'timeout' ? IDLE : state;
  }
}
