import { useCallback, useState } from 'react';
import { ErrorCode } from '@madoguchi/contract/errors';
import { ApiError } from '../api/api-error';
import { describeError } from '../i18n/describe-error';
import { useApi } from './use-api';
import type { ApiCall } from './use-api';

export type ActionResult<T> = { ok: true; value: T } | { ok: false };

export interface Action {
  /** Runs one change; a failure becomes `error` (what to do next), never a thrown error. */
  perform<T>(call: ApiCall<T>): Promise<ActionResult<T>>;
  busy: boolean;
  error: string | null;
  clearError(): void;
}

export interface ActionOptions {
  /**
   * What a 409 CONFLICT means for this form (a code or login ID already taken); without it the
   * general sentence, which speaks of overlapping appointments, would mislead.
   */
  conflict?: string;
}

export function useAction(options: ActionOptions = {}): Action {
  const { conflict } = options;
  const { run } = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const perform = useCallback(
    async <T,>(call: ApiCall<T>): Promise<ActionResult<T>> => {
      setBusy(true);
      setError(null);
      try {
        return { ok: true, value: await run(call) };
      } catch (caught) {
        setError(conflict && caught instanceof ApiError && caught.code === ErrorCode.Conflict ? conflict : describeError(caught));
        return { ok: false };
      } finally {
        setBusy(false);
      }
    },
    [run, conflict],
  );
  const clearError = useCallback(() => setError(null), []);
  return { perform, busy, error, clearError };
}
