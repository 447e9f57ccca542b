import { REPORT_LABELS_JA, type REPORT_GRANULARITIES, type REPORT_GROUPINGS } from '@madoguchi/contract/reports';
import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/report.json';
import ja from './ja/report.json';
import { localized } from './language';

type Granularity = (typeof REPORT_GRANULARITIES)[number];
type Grouping = (typeof REPORT_GROUPINGS)[number];

export interface ReportMessages {
  heading: string;
  form: {
    label: string;
    from: string;
    to: string;
    toHint: string;
    granularity: string;
    granularities: Record<Granularity, string>;
    groupBy: string;
    groupings: Record<Grouping, string>;
    show: string;
    csv: string;
    csvFailed: string;
    invalidRange: string;
    tooLong: string;
  };
  table: {
    caption: (from: string, to: string) => string;
    period: string;
    group: string;
    consultations: string;
    booked: string;
    walkIn: string;
    answered: string;
    abandoned: string;
    mediaFailed: string;
    tcpFallback: string;
    residentAbsent: string;
    appointments: string;
    noShows: string;
    noShowRate: string;
    meanWait: string;
    p90Wait: string;
    meanDuration: string;
    satisfaction: string;
    distribution: string;
    total: string;
  };
  charts: {
    perPeriod: string;
    byHour: string;
    satisfaction: string;
    count: (n: number) => string;
    hour: (h: number) => string;
    rating: (r: number) => string;
    summary: (items: string) => string;
    empty: string;
  };
  empty: string;
  /** How a handed-over consultation is counted: once in the totals, once per department in the breakdown. */
  counting: string;
  periodLabel: (period: string, granularity: Granularity) => string;
  distributionText: (counts: readonly number[]) => string;
}

// The Japanese table's headings are the CSV export's header words, kept once in the contract.
const japanese = { ...ja, table: { ...ja.table, ...REPORT_LABELS_JA } };

/** The words are in `ja/report.json` (with the contract's CSV headings) and `en/report.json`. */
export const reportMessages: ReportMessages = localized<ReportMessages>(sameKeysAsJapanese({ ja: japanese, en }), {
  table: { caption: ['from', 'to'] },
  charts: { count: ['count'], hour: ['hour'], rating: ['rating'], summary: ['items'] },
  // A period is "2026-11" for a month and "2026-11-24" for a day or the Monday of a week.
  periodLabel: (text: Record<Granularity, string>, period, granularity) => {
    const [year, month, day] = period.split('-');
    return fill(text[granularity], { year, month: Number(month), month2: month, day: Number(day) });
  },
  distributionText: (text: { item: string; separator: string }, counts) =>
    counts.map((count, index) => fill(text.item, { score: index + 1, count })).join(text.separator),
});
