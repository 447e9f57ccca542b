import type { OutcomeCode, ConsultationOutcomeRequest } from '@madoguchi/contract/consultation';

/** What the outcome fields hold while staff fill them in; '' until an outcome is chosen. */
export interface OutcomeDraft {
  outcome: OutcomeCode | '';
  notes: string;
}

/** The request body, or null while no outcome is chosen: the form asks for one before sending. */
export function outcomeRequest(draft: OutcomeDraft): ConsultationOutcomeRequest | null {
  if (!draft.outcome) return null;
  return { outcomeCode: draft.outcome, notes: draft.notes.trim() };
}
