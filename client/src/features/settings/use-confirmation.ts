import { useState } from 'react';
import { useAction } from '../../hooks/use-action';
import type { Action } from '../../hooks/use-action';

export interface Confirmation<P> {
  /** Runs the change once it is confirmed; its error shows in the confirmation dialog. */
  action: Action;
  /** The change waiting for the admin's confirmation; null: nothing to confirm. */
  pending: P | null;
  /** Asks about another change, or with null closes the question; either way the last error is forgotten. */
  ask(pending: P | null): void;
}

/** A change that waits for a yes in a confirmation dialog (deactivate, reset a password, revoke). */
export function useConfirmation<P>(): Confirmation<P> {
  const action = useAction();
  const [pending, setPending] = useState<P | null>(null);
  return {
    action,
    pending,
    ask: (next) => {
      action.clearError();
      setPending(next);
    },
  };
}
