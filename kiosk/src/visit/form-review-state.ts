import type { FormShown, SignatureStrokes } from '@madoguchi/contract/forms';

/** Fields per page: at 1280 × 800 three fit whole with their 「ここが違います」 buttons and the page buttons. */
export const FIELDS_PER_PAGE = 3;

/**
 * The form on the kiosk, one explicit state per screen. It lives inside the call (the resident
 * still sees and hears the specialist), so it is a state machine of its own beside KioskState,
 * reset with the call's extras: nothing of it outlives the call.
 */
export type FormReview =
  | { phase: 'reviewing'; form: FormShown; page: number }
  /** 「ここが違います」 went to the staff; waiting for the corrected revision. */
  | { phase: 'correctionSent'; form: FormShown; fieldKey: string }
  | { phase: 'confirmRefuse'; form: FormShown; page: number }
  | { phase: 'signing'; form: FormShown }
  | { phase: 'submitting'; form: FormShown; strokes: SignatureStrokes }
  /** Kept only until closed (or the print finished): the copy is printed from it. */
  | { phase: 'signed'; form: FormShown; strokes: SignatureStrokes; printCopy: boolean; signedAt: string }
  | { phase: 'refused' }
  /** `stale`: staff changed the form meanwhile; `failed`: it did not reach the server. */
  | { phase: 'problem'; form: FormShown; problem: 'stale' | 'failed' };

export type FormReviewEvent =
  | { type: 'shown'; form: FormShown }
  | { type: 'page'; page: number }
  | { type: 'correctionAsked'; fieldKey: string }
  | { type: 'toSign' }
  | { type: 'back' }
  | { type: 'submit'; strokes: SignatureStrokes }
  | { type: 'signed'; printCopy: boolean; at: string }
  | { type: 'refuse' }
  | { type: 'refused' }
  | { type: 'problem'; problem: 'stale' | 'failed' }
  /** Staff took the form back: it leaves the screen at once, unless already signed. */
  | { type: 'withdrawn'; documentId: string }
  | { type: 'close' };

export const pageCount = (form: FormShown): number => Math.max(1, Math.ceil(form.fields.length / FIELDS_PER_PAGE));
export const fieldsOnPage = (form: FormShown, page: number) => form.fields.slice(page * FIELDS_PER_PAGE, (page + 1) * FIELDS_PER_PAGE);

/** The next state, or the same object when the event does not apply (a late or doubled touch). */
export function nextFormReview(state: FormReview | null, event: FormReviewEvent): FormReview | null {
  if (event.type === 'shown') {
    // A new revision replaces whatever was on screen, except a signature already on its way.
    if (state?.phase === 'submitting' || state?.phase === 'signed') return state;
    // The server shows the waiting revision again whenever the kiosk rejoins its call (a reload
    // lost it); a kiosk that only reconnected keeps the resident where they are, strokes and all.
    if (state && 'form' in state && state.form.documentId === event.form.documentId && state.form.revision === event.form.revision) return state;
    const previous = state && 'form' in state && state.form.documentId === event.form.documentId && state.phase === 'correctionSent' ? state.fieldKey : null;
    const index = previous ? event.form.fields.findIndex((f) => f.key === previous) : 0;
    return { phase: 'reviewing', form: event.form, page: Math.max(0, Math.floor(index / FIELDS_PER_PAGE)) };
  }
  if (event.type === 'withdrawn') {
    if (!state || !('form' in state) || state.form.documentId !== event.documentId) return state;
    return state.phase === 'submitting' || state.phase === 'signed' ? state : null;
  }
  if (event.type === 'close') return state?.phase === 'submitting' ? state : null;
  if (!state) return null;
  switch (event.type) {
    case 'page':
      return state.phase === 'reviewing' && event.page >= 0 && event.page < pageCount(state.form) ? { ...state, page: event.page } : state;
    case 'correctionAsked':
      return state.phase === 'reviewing' ? { phase: 'correctionSent', form: state.form, fieldKey: event.fieldKey } : state;
    case 'toSign':
      return state.phase === 'reviewing' && state.page === pageCount(state.form) - 1 ? { phase: 'signing', form: state.form } : state;
    case 'back':
      if (state.phase === 'signing' || state.phase === 'problem') return { phase: 'reviewing', form: state.form, page: pageCount(state.form) - 1 };
      if (state.phase === 'confirmRefuse') return { phase: 'reviewing', form: state.form, page: state.page };
      return state;
    case 'submit':
      return state.phase === 'signing' ? { phase: 'submitting', form: state.form, strokes: event.strokes } : state;
    case 'signed':
      return state.phase === 'submitting' ? { phase: 'signed', form: state.form, strokes: state.strokes, printCopy: event.printCopy, signedAt: event.at } : state;
    case 'refuse':
      return state.phase === 'reviewing' ? { phase: 'confirmRefuse', form: state.form, page: state.page } : state;
    case 'refused':
      return state.phase === 'confirmRefuse' ? { phase: 'refused' } : state;
    case 'problem':
      return state.phase === 'submitting' || state.phase === 'confirmRefuse' || state.phase === 'reviewing' ? { phase: 'problem', form: state.form, problem: event.problem } : state;
  }
}
