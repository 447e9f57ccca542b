/**
 * node-postgres through TypeORM's `query()` answers an UPDATE ... RETURNING with
 * `[rows, count]` and a SELECT or INSERT with the rows: this reads the rows either way.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0] as T[];
  return result as T[];
}
