import { useCallback, useMemo } from 'react';
import { ErrorCode } from '@madoguchi/contract/errors';
import { ApiError } from '../api/api-error';
import type { RequestOptions } from '../api/http-client';
import { messages } from '../i18n/messages';
import { useAuth } from './use-auth';

export type ApiCall<T> = (options: RequestOptions) => Promise<T>;

export interface ApiRunner {
  /** Runs a call with the member's current token; a refused token signs the member out. */
  run<T>(call: ApiCall<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * `run` keeps its identity across token refreshes (it reads the token when it sends), so
 * pages do not reload their data every time the access token is renewed.
 */
export function useApi(): ApiRunner {
  const { getToken, ensureFreshToken, signOut } = useAuth();
  const run = useCallback(
    async <T,>(call: ApiCall<T>, signal?: AbortSignal): Promise<T> => {
      await ensureFreshToken();
      const token = getToken() ?? undefined;
      try {
        return await call(signal ? { token, signal } : { token });
      } catch (error) {
        // Only the login itself answers 401 for bad input; anywhere else the login is over.
        if (error instanceof ApiError && error.code === ErrorCode.Unauthenticated) signOut(messages.login.sessionExpired);
        throw error;
      }
    },
    [getToken, ensureFreshToken, signOut],
  );
  return useMemo(() => ({ run }), [run]);
}
