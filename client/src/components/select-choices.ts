/** One option of a select: the value sent and the words shown. */
export interface SelectChoice<V extends string> {
  value: V;
  label: string;
}

/** The options of a fixed list (roles, icons, groupings…) with their words from a message map. */
export function choicesOf<V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>): SelectChoice<V>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
