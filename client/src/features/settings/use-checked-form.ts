import { useState } from 'react';

export interface CheckedForm<V, P> {
  values: V;
  /** Merges a change of some fields into the values. */
  change(patch: Partial<V>): void;
  /** Empty until the first submit, so nobody is told off for fields they have not reached yet. */
  problems: Partial<P>;
  /** Call on submit: shows the problems from now on and says whether the values may be sent. */
  check(): boolean;
}

/** A settings form's values and the problems `findProblems` sees in them, shown once it has been submitted. */
export function useCheckedForm<V extends object, P extends object>(initial: () => V, findProblems: (values: V) => P): CheckedForm<V, P> {
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState(false);
  return {
    values,
    change: (patch) => setValues((prev) => ({ ...prev, ...patch })),
    problems: checked ? findProblems(values) : {},
    check: () => {
      setChecked(true);
      return Object.keys(findProblems(values)).length === 0;
    },
  };
}
