/**
 * Where this browser is with its one call:
 * idle -> calling (kiosk, waiting for a specialist) -> joining -> inCall -> idle
 * idle -> joining (staff after acceptCall, a guest) -> inCall -> idle
 * joining | inCall -> calling (kiosk: handed to another department's queue)
 */
export type CallState = 'idle' | 'calling' | 'joining' | 'inCall';

export type CallEvent =
  /** A kiosk's request is on its way to the queue (or a reload finds it still waiting). */
  | 'queued'
  /** Someone answered (or the call was resumed answered): the room is being joined. */
  | 'answered'
  /** The room is joined and the local media are on their way. */
  | 'joined'
  /** Staff handed the resident to another department: back to waiting, under a new consultation. */
  | 'transferred'
  /** Hung up, cancelled, failed, or ended by the server. */
  | 'ended';

/**
 * The whole state machine. An event missing from a state's row changes nothing (a late
 * `joined` after the call ended, a second `answered` while a rejoin is under way).
 */
export const CALL_TRANSITIONS: Readonly<Record<CallState, Readonly<Partial<Record<CallEvent, CallState>>>>> = {
  idle: { queued: 'calling', answered: 'joining' },
  calling: { answered: 'joining', ended: 'idle' },
  joining: { joined: 'inCall', transferred: 'calling', ended: 'idle' },
  inCall: { transferred: 'calling', ended: 'idle' },
};

export function callTransition(state: CallState, event: CallEvent): CallState {
  return CALL_TRANSITIONS[state][event] ?? state;
}
