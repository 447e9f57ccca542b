import type { ZodType } from 'zod';
import { AppError } from '../domain/app-error';

/** Parses a body or query with its schema; a failure is a 400 that says which fields. */
export function parseInput<T>(schema: ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    throw AppError.badRequest(
      'invalid request',
      result.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data;
}
