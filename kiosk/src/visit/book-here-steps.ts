import type { FreeTime, FreeTimeDay } from '@madoguchi/contract/booking';

/** Why a booking did not go through; `taken` comes with the next free times instead. */
export type BookHereError = 'failed' | 'rateLimited' | 'offline';

/**
 * The steps of 「この窓口で予約する」, one screen each, with nothing to type: the topic (skipped
 * when there is one), a day, a time on that day, then a last look before 「予約する」. A time
 * taken meanwhile comes back with the next free ones to choose from.
 */
export type BookHereStep =
  | { step: 'topic' }
  | { step: 'day'; topicId: string }
  | { step: 'time'; topicId: string; day: FreeTimeDay }
  | { step: 'confirm'; topicId: string; time: FreeTime; submitting: boolean; error: BookHereError | null }
  | { step: 'taken'; topicId: string; nextFreeTimes: FreeTime[] };

export type BookHereAction =
  | { type: 'topicChosen'; topicId: string }
  | { type: 'dayChosen'; day: FreeTimeDay }
  | { type: 'timeChosen'; time: FreeTime }
  | { type: 'submitted' }
  | { type: 'failed'; error: BookHereError }
  | { type: 'taken'; nextFreeTimes: FreeTime[] }
  /** One step back; from the first step the screen leaves (the kiosk state's `back`). */
  | { type: 'back' };

/** The first step: with a single topic there is nothing to choose. */
export function firstStep(topicIds: readonly string[]): BookHereStep {
  return topicIds.length === 1 && topicIds[0] ? { step: 'day', topicId: topicIds[0] } : { step: 'topic' };
}

/** Whether `back` on this step leaves the booking screens altogether. */
export function isFirstStep(step: BookHereStep, topicIds: readonly string[]): boolean {
  return step.step === 'topic' || (step.step === 'day' && topicIds.length === 1);
}

export function bookHereReducer(state: BookHereStep, action: BookHereAction): BookHereStep {
  switch (action.type) {
    case 'topicChosen':
      return state.step === 'topic' ? { step: 'day', topicId: action.topicId } : state;
    case 'dayChosen':
      return state.step === 'day' ? { step: 'time', topicId: state.topicId, day: action.day } : state;
    case 'timeChosen':
      return state.step === 'time' || state.step === 'taken'
        ? { step: 'confirm', topicId: state.topicId, time: action.time, submitting: false, error: null }
        : state;
    case 'submitted':
      return state.step === 'confirm' && !state.submitting ? { ...state, submitting: true, error: null } : state;
    case 'failed':
      return state.step === 'confirm' && state.submitting ? { ...state, submitting: false, error: action.error } : state;
    case 'taken':
      return state.step === 'confirm' ? { step: 'taken', topicId: state.topicId, nextFreeTimes: action.nextFreeTimes } : state;
    case 'back':
      if (state.step === 'confirm' && state.submitting) return state;
      if (state.step === 'time' || state.step === 'confirm' || state.step === 'taken') return { step: 'day', topicId: state.topicId };
      if (state.step === 'day') return { step: 'topic' };
      return state;
  }
}
