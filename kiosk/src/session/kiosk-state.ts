import type { EndReason } from '@contract/consultation';

/**
 * Why the kiosk cannot serve right now. The first two need an administrator; `offline`
 * heals when the server is back; the rest return to Idle on their own after a while.
 */
export type FaultKind = 'unregistered' | 'rejected' | 'offline' | 'callFailed' | 'noAnswer' | 'unexpected';

/** One state, one screen. */
export type KioskState =
  | { name: 'starting' }
  | { name: 'idle' }
  | { name: 'calling'; queuePosition: number | null }
  | { name: 'inCall'; staffName: string | null }
  | { name: 'ended'; reason: EndReason }
  | { name: 'fault'; fault: FaultKind };

export type KioskStateName = KioskState['name'];

export type KioskEvent =
  /** Token and signalling are up: the kiosk can take a resident. */
  | { type: 'ready' }
  | { type: 'callRequested' }
  | { type: 'queued'; queuePosition: number }
  | { type: 'accepted'; staffName: string | null }
  /** The resident stopped waiting. */
  | { type: 'cancelled' }
  | { type: 'callEnded'; reason: EndReason }
  /** The thank-you or a temporary fault has been shown long enough. */
  | { type: 'timeout' }
  | { type: 'fault'; fault: FaultKind };

const PERMANENT_FAULTS: ReadonlySet<FaultKind> = new Set(['unregistered', 'rejected']);

export function isPermanentFault(state: KioskState): boolean {
  return state.name === 'fault' && PERMANENT_FAULTS.has(state.fault);
}

/**
 * The kiosk's transitions:
 *   starting -> idle -> calling -> inCall -> ended -> idle
 *   calling -> idle (cancelled)      any -> fault      fault -> idle (ready or timeout)
 * An event that does not apply returns the same state object, so callers can compare.
 */
export function transition(state: KioskState, event: KioskEvent): KioskState {
  if (isPermanentFault(state)) return state;
  if (event.type === 'fault') return { name: 'fault', fault: event.fault };
  switch (state.name) {
    case 'starting':
      return event.type === 'ready' ? { name: 'idle' } : state;
    case 'idle':
      return event.type === 'callRequested' ? { name: 'calling', queuePosition: null } : state;
    case 'calling':
      if (event.type === 'queued') return { name: 'calling', queuePosition: event.queuePosition };
      if (event.type === 'accepted') return { name: 'inCall', staffName: event.staffName };
      if (event.type === 'cancelled') return { name: 'idle' };
      return state;
    case 'inCall':
      return event.type === 'callEnded' ? { name: 'ended', reason: event.reason } : state;
    case 'ended':
      return event.type === 'timeout' ? { name: 'idle' } : state;
    case 'fault':
      return event.type === 'ready' || event.type === 'timeout' ? { name: 'idle' } : state;
  }
}
