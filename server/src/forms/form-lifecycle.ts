import type { FormDocumentState } from '@madoguchi/contract/forms';

/**
 * A document's life: staff show it (`shown`); the resident asks for a correction
 * (`correction_asked`) and staff send a new revision (`shown` again); the resident signs or
 * refuses. Signed and refused documents never change again.
 */
export const FORM_TRANSITIONS: { readonly [S in FormDocumentState]: readonly FormDocumentState[] } = {
  shown: ['shown', 'correction_asked', 'signed', 'refused', 'withdrawn'],
  correction_asked: ['shown', 'refused', 'withdrawn'],
  signed: [],
  refused: [],
  withdrawn: [],
};

/** The states a document may be in for it to move to `next`. */
export const statesBefore = (next: FormDocumentState): FormDocumentState[] =>
  (Object.keys(FORM_TRANSITIONS) as FormDocumentState[]).filter((state) => FORM_TRANSITIONS[state].includes(next));

export const canMove = (from: FormDocumentState, to: FormDocumentState): boolean => FORM_TRANSITIONS[from].includes(to);
