import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiCall } from './use-api';
import { useApi } from './use-api';

export interface ApiData<T> {
  /** The last answer; kept while a reload runs so lists do not flicker. */
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
}

interface LoadState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

/**
 * Loads once per `key` (a string naming the inputs, e.g. the query) and again on reload().
 * A newer load aborts the older one, so a slow answer never overwrites a newer one.
 */
export function useApiData<T>(load: ApiCall<T>, key: string, enabled = true): ApiData<T> {
  const { run } = useApi();
  const [state, setState] = useState<LoadState<T>>({ data: null, error: null, loading: enabled });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);

  // Declared before the loading effect, so the newest `load` is in place when that one runs.
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setState((prev) => ({ ...prev, loading: true, error: null }));
    run(loadRef.current, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((prev) => ({ ...prev, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [run, key, generation, enabled]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
