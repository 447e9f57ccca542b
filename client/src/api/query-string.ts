export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the defined, non-empty values, in the given order; '' when there are none. */
export function queryString(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
