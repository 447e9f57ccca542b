/** The Postgres error behind a TypeORM QueryFailedError, if there is one. */
export function pgErrorOf(error: unknown): { code: string; constraint: string | undefined } | null {
  if (typeof error !== 'object' || error === null) return null;
  const driverError = (error as { driverError?: unknown }).driverError ?? error;
  if (typeof driverError !== 'object' || driverError === null) return null;
  const { code, constraint } = driverError as { code?: unknown; constraint?: unknown };
  if (typeof code !== 'string') return null;
  return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_EXCLUSION_VIOLATION = '23P01';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';

/** The booking trigger's refusal when a department's specialists are all booked at that time. */
export function isDepartmentFull(error: unknown): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === PG_CHECK_VIOLATION && pg.constraint === 'booking_department_capacity';
}
