import { z } from './zod';

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** An instant with an explicit offset, e.g. 2026-11-24T10:00:00+09:00. */
export const Instant = z.iso.datetime({ offset: true });
/** A calendar day in Japan time, e.g. 2026-11-24. */
export const LocalDate = z.iso.date();
export const Uuid = z.uuid();
