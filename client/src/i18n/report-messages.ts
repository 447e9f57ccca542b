import { REPORT_LABELS_JA, type REPORT_GRANULARITIES, type REPORT_GROUPINGS } from '@madoguchi/contract/reports';
import { pick } from './language';

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
    sessions: string;
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
  periodLabel: (period: string, granularity: Granularity) => string;
  distributionText: (counts: readonly number[]) => string;
}

function periodJa(period: string, granularity: Granularity): string {
  const [y, m, d] = period.split('-').map(Number);
  if (granularity === 'month') return `${y}年${m}月`;
  return granularity === 'week' ? `${m}/${d}週` : `${m}/${d}`;
}

function periodEn(period: string, granularity: Granularity): string {
  const [y, m, d] = period.split('-').map(Number);
  if (granularity === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  return granularity === 'week' ? `w/c ${d}/${m}` : `${d}/${m}`;
}

const ja: ReportMessages = {
  heading: 'レポート',
  form: {
    label: '集計の条件',
    from: '開始日',
    to: '終了日',
    toHint: 'この日も含みます。最長366日。',
    granularity: '集計単位',
    granularities: { day: '日', week: '週', month: '月' },
    groupBy: '内訳',
    groupings: { none: 'なし', department: '部署', kiosk: '端末' },
    show: '集計する',
    csv: 'CSVを書き出す',
    csvFailed: 'CSVを書き出せませんでした。もう一度お試しください。',
    invalidRange: '終了日は開始日と同じか、それより後の日にしてください。',
    tooLong: '一度に集計できるのは366日までです。期間を短くしてください。',
  },
  table: {
    caption: (from, to) => `${from} 〜 ${to} の集計（日本時間）`,
    // The same words as the CSV export's header.
    ...REPORT_LABELS_JA,
    total: '合計',
  },
  charts: {
    perPeriod: '期間ごとの相談件数',
    byHour: '時間帯ごとの相談件数',
    satisfaction: '満足度の分布',
    count: (n) => `${n}件`,
    hour: (h) => `${h}時`,
    rating: (r) => `${r}点`,
    summary: (items) => `数値: ${items}`,
    empty: 'データがありません。',
  },
  empty: 'この期間の記録はありません。期間を変えてください。',
  periodLabel: periodJa,
  distributionText: (counts) => counts.map((n, i) => `${i + 1}点:${n}`).join(' '),
};

const en: ReportMessages = {
  heading: 'Reports',
  form: {
    label: 'Report settings',
    from: 'From',
    to: 'To',
    toHint: 'Inclusive. At most 366 days.',
    granularity: 'Period',
    granularities: { day: 'Day', week: 'Week', month: 'Month' },
    groupBy: 'Break down by',
    groupings: { none: 'Nothing', department: 'Department', kiosk: 'Kiosk' },
    show: 'Show report',
    csv: 'Export CSV',
    csvFailed: 'The CSV could not be exported. Try again.',
    invalidRange: 'The end date must be the same as or after the start date.',
    tooLong: 'At most 366 days at a time. Shorten the period.',
  },
  table: {
    caption: (from, to) => `Figures from ${from} to ${to} (Japan time)`,
    period: 'Period',
    group: 'Group',
    sessions: 'Consultations',
    booked: 'Booked',
    walkIn: 'Walk-in',
    answered: 'Answered',
    abandoned: 'Abandoned',
    mediaFailed: 'No media',
    tcpFallback: 'Over TCP',
    residentAbsent: 'Ended: no one at the kiosk',
    appointments: 'Appointments',
    noShows: 'No-shows',
    noShowRate: 'No-show rate',
    meanWait: 'Mean wait',
    p90Wait: 'Wait (90th pct.)',
    meanDuration: 'Mean duration',
    satisfaction: 'Satisfaction (mean)',
    distribution: 'Ratings 1–5',
    total: 'Total',
  },
  charts: {
    perPeriod: 'Consultations per period',
    byHour: 'Consultations by hour of day',
    satisfaction: 'Satisfaction ratings',
    count: (n) => `${n}`,
    hour: (h) => `${h}:00`,
    rating: (r) => `${r} ★`,
    summary: (items) => `Values: ${items}`,
    empty: 'No data.',
  },
  empty: 'No records in this period. Choose another period.',
  periodLabel: periodEn,
  distributionText: (counts) => counts.map((n, i) => `${i + 1}★:${n}`).join(' '),
};

export const reportMessages: ReportMessages = pick({ ja, en });
