import { z } from './zod';
import { LocalDate } from './pagination';

export const REPORT_GRANULARITIES = ['day', 'week', 'month'] as const;
export const REPORT_GROUPINGS = ['none', 'department', 'kiosk'] as const;

/** Days are Japan days; `to` is inclusive. Weeks start on Monday. */
export const ReportQuery = z
  .object({
    from: LocalDate,
    to: LocalDate,
    granularity: z.enum(REPORT_GRANULARITIES).default('day'),
    groupBy: z.enum(REPORT_GROUPINGS).default('none'),
    departmentId: z.uuid().optional(),
    kioskId: z.uuid().optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'at most 366 days at a time',
    path: ['to'],
  });
export type ReportQuery = z.input<typeof ReportQuery>;

/**
 * Figures for one period (and group). Consultations count by the Japan day they were queued;
 * appointments by the Japan day they were booked for. Waits are over answered consultations.
 * A resident handed to another department is one consultation: counted once, waiting until the
 * first answer; rows per department (and a report filtered to one department) count each
 * department's own leg instead (see consultation-legs.ts).
 */
export interface ReportFigures {
  /** Consultations (legs, in a department's figures). */
  consultations: number;
  booked: number;
  walkIn: number;
  answered: number;
  /** Ended without anyone answering (the resident left the queue). */
  abandoned: number;
  /** Answered, but the media never got through (end reason media_failed). */
  mediaFailed: number;
  /** Whose media needed ICE over TCP because UDP carried nothing. */
  tcpFallback: number;
  /** Answered, then ended by staff because nobody was at the kiosk (「キオスクに人がいない」). */
  residentAbsent: number;
  /** Bookings for the period, cancelled ones excluded. */
  appointments: number;
  noShows: number;
  /** noShows / appointments; null when there were none. */
  noShowRate: number | null;
  meanWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  meanDurationSeconds: number | null;
  /** Counts of ratings 1..5 (index 0 = rating 1). */
  satisfaction: [number, number, number, number, number];
  satisfactionMean: number | null;
}

export interface ReportRow extends ReportFigures {
  /** First Japan day of the period, YYYY-MM-DD. */
  period: string;
  groupId: string | null;
  groupName: string | null;
}

export interface Report {
  from: string;
  to: string;
  granularity: (typeof REPORT_GRANULARITIES)[number];
  groupBy: (typeof REPORT_GROUPINGS)[number];
  rows: ReportRow[];
  totals: ReportFigures;
  /** Consultations by Japan hour of day (24 entries, index = hour). */
  consultationsByHour: number[];
}

/**
 * The report's columns as the admin screen names them in Japanese. The CSV export uses the same
 * words (with its unit in brackets), so a figure is called the same on screen and in Excel.
 */
export const REPORT_LABELS_JA = {
  period: '期間',
  group: '内訳',
  consultations: '相談件数',
  booked: '予約',
  walkIn: '予約なし',
  answered: '応答',
  abandoned: '応答前終了',
  mediaFailed: '映像不通',
  tcpFallback: 'TCP接続',
  residentAbsent: '住民不在で終了',
  appointments: '予約件数',
  noShows: '不在',
  noShowRate: '不在率',
  meanWait: '平均待ち時間',
  p90Wait: '待ち時間（90%）',
  meanDuration: '平均相談時間',
  satisfaction: '満足度（平均）',
  distribution: '満足度の内訳（1〜5）',
} as const;
