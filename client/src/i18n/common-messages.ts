import type { AppointmentStatus } from '@madoguchi/contract/appointments';
import type { ConsultationKind, ConsultationState, EndReason, OutcomeCode } from '@madoguchi/contract/consultation';
import type { DepartmentIcon } from '@madoguchi/contract/departments';
import type { KioskStatus } from '@madoguchi/contract/kiosks';
import type { Language } from '@madoguchi/contract/languages';
import type { StaffRole } from '@madoguchi/contract/staff';
import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/common.json';
import ja from './ja/common.json';
import { localized } from './language';

/** Words and labels every admin page shares. */
export interface CommonMessages {
  actions: {
    save: string;
    saving: string;
    cancel: string;
    close: string;
    edit: string;
    back: string;
    confirm: string;
    copy: string;
    copied: string;
    copyFailed: string;
    print: string;
    retry: string;
    search: string;
    clear: string;
    deactivate: string;
    reactivate: string;
  };
  loading: string;
  required: string;
  none: string;
  yes: string;
  no: string;
  errors: {
    unauthenticated: string;
    forbidden: string;
    notFound: string;
    badRequest: (detail: string) => string;
    conflict: string;
    invalidState: string;
    rateLimited: string;
    /** How long to wait, from the server's retryAfterSeconds. */
    rateLimitedFor: (seconds: number) => string;
    passwordChangeRequired: string;
    unavailable: string;
    unexpected: string;
  };
  pagination: {
    label: string;
    previous: string;
    next: string;
    summary: (first: number, last: number, total: number) => string;
    page: (page: number, pages: number) => string;
  };
  appointmentStatus: Record<AppointmentStatus, string>;
  consultationStatus: Record<ConsultationState, string>;
  consultationKind: Record<ConsultationKind, string>;
  outcome: Record<OutcomeCode, string>;
  endReason: Record<EndReason, string>;
  language: Record<Language, string>;
  role: Record<StaffRole, string>;
  kioskStatus: Record<KioskStatus, string>;
  departmentIcon: Record<DepartmentIcon, string>;
  seconds: (seconds: number) => string;
  percent: (ratio: number) => string;
}

/** The words are in `ja/common.json` and `en/common.json`. */
export const common: CommonMessages = localized<CommonMessages>(sameKeysAsJapanese({ ja, en }), {
  errors: {
    // The server's detail in brackets, when it sent one.
    badRequest: (text: { text: string; detail: string }, detail) => fill(text.text, { detail: detail ? fill(text.detail, { detail }) : '' }),
    rateLimitedFor: (text: { seconds: string; minutes: string }, seconds) =>
      seconds < 60 ? fill(text.seconds, { seconds }) : fill(text.minutes, { minutes: Math.ceil(seconds / 60) }),
  },
  pagination: { summary: ['first', 'last', 'total'], page: ['page', 'pages'] },
  seconds: (text: { minutes: string; seconds: string }, value) => {
    const total = Math.round(value);
    const minutes = Math.floor(total / 60);
    const seconds = total % 60;
    return minutes > 0 ? fill(text.minutes, { minutes, seconds, seconds2: String(seconds).padStart(2, '0') }) : fill(text.seconds, { seconds: total });
  },
  percent: (text: string, ratio) => fill(text, { percent: (ratio * 100).toFixed(1) }),
});
