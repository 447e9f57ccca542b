import type { AppointmentStatus } from '@madoguchi/contract/appointments';
import type { ConsultationKind, ConsultationState, EndReason, OutcomeCode } from '@madoguchi/contract/consultation';
import type { DepartmentIcon } from '@madoguchi/contract/departments';
import type { KioskStatus } from '@madoguchi/contract/kiosks';
import type { Language } from '@madoguchi/contract/languages';
import type { StaffRole } from '@madoguchi/contract/staff';
import { pick } from './language';

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
  sessionStatus: Record<ConsultationState, string>;
  sessionKind: Record<ConsultationKind, string>;
  outcome: Record<OutcomeCode, string>;
  endReason: Record<EndReason, string>;
  language: Record<Language, string>;
  role: Record<StaffRole, string>;
  kioskStatus: Record<KioskStatus, string>;
  departmentIcon: Record<DepartmentIcon, string>;
  seconds: (seconds: number) => string;
  percent: (ratio: number) => string;
}

const ja: CommonMessages = {
  actions: {
    save: '保存',
    saving: '保存しています…',
    cancel: 'キャンセル',
    close: '閉じる',
    edit: '編集',
    back: '戻る',
    confirm: '確認',
    copy: 'コピー',
    copied: 'コピーしました',
    copyFailed: 'コピーできませんでした。表示されている文字を書き写してください。',
    print: '印刷',
    retry: 'もう一度読み込む',
    search: '検索',
    clear: '条件をクリア',
    deactivate: '無効にする',
    reactivate: '有効にする',
  },
  loading: '読み込んでいます…',
  required: '必須',
  none: '—',
  yes: 'はい',
  no: 'いいえ',
  errors: {
    unauthenticated: 'ログインの有効期限が切れました。もう一度ログインしてください。',
    forbidden: 'この操作を行う権限がありません。管理者に依頼してください。',
    notFound: '対象が見つかりません。削除された可能性があります。一覧を更新してください。',
    badRequest: (detail) => `入力内容に誤りがあります。内容を確認して、もう一度保存してください。${detail ? `（${detail}）` : ''}`,
    conflict: '他の予約と重なっています。時間・端末・担当者を変えてください。',
    invalidState: 'この状態では操作できません。画面を更新して最新の状態を確認してください。',
    rateLimited: '操作が多すぎます。しばらく待ってからもう一度お試しください。',
    rateLimitedFor: (seconds) =>
      seconds < 60 ? `試行が多すぎます。${seconds}秒待ってからもう一度お試しください。` : `試行が多すぎます。${Math.ceil(seconds / 60)}分待ってからもう一度お試しください。`,
    passwordChangeRequired: '仮パスワードを変更してから操作してください。',
    unavailable: 'サーバーに接続できません。ネットワークを確認し、しばらくしてからもう一度お試しください。',
    unexpected: '予期しないエラーが発生しました。もう一度お試しください。続く場合はシステム担当者に連絡してください。',
  },
  pagination: {
    label: 'ページ送り',
    previous: '前のページ',
    next: '次のページ',
    summary: (first, last, total) => `全${total}件中 ${first}〜${last}件`,
    page: (page, pages) => `${page} / ${pages} ページ`,
  },
  appointmentStatus: {
    scheduled: '予約済',
    checked_in: '受付済',
    in_session: '相談中',
    completed: '完了',
    cancelled: '取消',
    no_show: '不在',
  },
  sessionStatus: { queued: '待機中', active: '相談中', ended: '終了' },
  sessionKind: { booked: '予約', walk_in: '予約なし' },
  outcome: {
    resolved: '解決',
    follow_up: '後日対応',
    referred: '他部署へ案内',
    documents_needed: '書類が必要',
    visit_counter: '窓口来庁を案内',
    no_conversation: '会話なし',
    other: 'その他',
  },
  endReason: {
    completed: '通常終了',
    resident_left: '住民が終了',
    staff_ended: '職員が終了',
    network_lost: '通信切断',
    transferred: '転送',
    server_restart: 'サーバー再起動',
    media_failed: '映像・音声不通',
    node_lost: 'サーバー停止',
    resident_absent: '住民不在（キオスクに人がいない）',
  },
  language: {
    ja: '日本語',
    'ja-easy': 'やさしい日本語',
    en: '英語',
    zh: '中国語',
    ko: '韓国語',
    vi: 'ベトナム語',
    pt: 'ポルトガル語',
    es: 'スペイン語',
  },
  role: { staff: '職員', admin: '管理者' },
  kioskStatus: { online: 'オンライン', offline: 'オフライン', busy: '相談中' },
  departmentIcon: {
    child: '子育て',
    welfare: '福祉',
    tax: '税',
    pension: '年金',
    resident: '住民票・戸籍',
    health: '健康・保険',
    general: '総合',
  },
  seconds: (s) => {
    const total = Math.round(s);
    const minutes = Math.floor(total / 60);
    return minutes > 0 ? `${minutes}分${String(total % 60).padStart(2, '0')}秒` : `${total}秒`;
  },
  percent: (ratio) => `${(ratio * 100).toFixed(1)}%`,
};

const en: CommonMessages = {
  actions: {
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    close: 'Close',
    edit: 'Edit',
    back: 'Back',
    confirm: 'Confirm',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Could not copy. Please write down the text shown.',
    print: 'Print',
    retry: 'Load again',
    search: 'Search',
    clear: 'Clear filters',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
  },
  loading: 'Loading…',
  required: 'required',
  none: '—',
  yes: 'Yes',
  no: 'No',
  errors: {
    unauthenticated: 'Your sign-in has expired. Please sign in again.',
    forbidden: 'You are not allowed to do this. Ask an administrator.',
    notFound: 'Not found. It may have been removed. Refresh the list.',
    badRequest: (detail) => `Some input is not valid. Check it and save again.${detail ? ` (${detail})` : ''}`,
    conflict: 'This overlaps another appointment. Change the time, kiosk or staff member.',
    invalidState: 'This cannot be done in the current state. Refresh to see the latest state.',
    rateLimited: 'Too many requests. Wait a moment, then try again.',
    rateLimitedFor: (seconds) =>
      seconds < 60 ? `Too many attempts. Wait ${seconds} seconds, then try again.` : `Too many attempts. Wait ${Math.ceil(seconds / 60)} minutes, then try again.`,
    passwordChangeRequired: 'Change your temporary password first.',
    unavailable: 'Cannot reach the server. Check the network and try again shortly.',
    unexpected: 'Something went wrong. Try again; if it keeps happening, contact the system administrator.',
  },
  pagination: {
    label: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    summary: (first, last, total) => `${first}–${last} of ${total}`,
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
  appointmentStatus: {
    scheduled: 'Booked',
    checked_in: 'Checked in',
    in_session: 'In consultation',
    completed: 'Completed',
    cancelled: 'Cancelled',
    no_show: 'No-show',
  },
  sessionStatus: { queued: 'Waiting', active: 'In consultation', ended: 'Ended' },
  sessionKind: { booked: 'Booked', walk_in: 'Walk-in' },
  outcome: {
    resolved: 'Resolved',
    follow_up: 'Follow-up needed',
    referred: 'Referred to another department',
    documents_needed: 'Documents needed',
    visit_counter: 'Asked to visit the counter',
    no_conversation: 'No conversation',
    other: 'Other',
  },
  endReason: {
    completed: 'Completed',
    resident_left: 'Resident left',
    staff_ended: 'Ended by staff',
    network_lost: 'Connection lost',
    transferred: 'Transferred',
    server_restart: 'Server restart',
    media_failed: 'Media never connected',
    node_lost: 'Server stopped',
    resident_absent: 'No one at the kiosk',
  },
  language: {
    ja: 'Japanese',
    'ja-easy': 'Easy Japanese',
    en: 'English',
    zh: 'Chinese',
    ko: 'Korean',
    vi: 'Vietnamese',
    pt: 'Portuguese',
    es: 'Spanish',
  },
  role: { staff: 'Staff', admin: 'Administrator' },
  kioskStatus: { online: 'Online', offline: 'Offline', busy: 'In a call' },
  departmentIcon: {
    child: 'Childcare',
    welfare: 'Welfare',
    tax: 'Tax',
    pension: 'Pension',
    resident: 'Residence records',
    health: 'Health & insurance',
    general: 'General',
  },
  seconds: (s) => {
    const total = Math.round(s);
    const minutes = Math.floor(total / 60);
    return minutes > 0 ? `${minutes} min ${total % 60} s` : `${total} s`;
  },
  percent: (ratio) => `${(ratio * 100).toFixed(1)}%`,
};

export const common: CommonMessages = pick({ ja, en });
