import { useEffect, useState, useSyncExternalStore } from 'react';
import type { FeatureStore } from './feature-store';

const NO_SUBSCRIPTION = (): (() => void) => () => undefined;

/**
 * A thin React binding of one in-call feature: made when its call starts (`create` answers null
 * while there is none), closed when the call or the component goes. Made in an effect, not
 * during render, so StrictMode's second mount gets a fresh one instead of a closed one.
 */
export function useInCallFeature<S extends object, F extends FeatureStore<S>>(
  create: () => F | null,
  deps: readonly unknown[],
  empty: S,
): { feature: F | null; state: S } {
  const [feature, setFeature] = useState<F | null>(null);
  useEffect(() => {
    const made = create();
    setFeature(made);
    return () => {
      made?.close();
      setFeature(null);
    };
    // The caller names what the feature depends on; `create` itself is a new closure each render.
  }, deps);
  const state = useSyncExternalStore(feature?.subscribe ?? NO_SUBSCRIPTION, () => (feature ? feature.getSnapshot() : empty));
  return { feature, state };
}
