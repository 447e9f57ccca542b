import type { SettingsSection } from '../app/routes';
import { pick } from './language';

export interface ShellMessages {
  skipToMain: string;
  nav: {
    label: string;
    console: string;
    calendar: string;
    sessions: string;
    reports: string;
    settings: string;
    audit: string;
    operations: string;
    check: string;
  };
  settingsNav: { label: string } & Record<SettingsSection, string>;
  language: { label: string; ja: string; en: string };
  notFound: string;
  notAllowed: string;
  goToConsole: string;
  pageFailed: string;
  changePassword: {
    heading: string;
    intro: string;
    current: string;
    next: string;
    repeat: string;
    hint: string;
    tooShort: string;
    mismatch: string;
    sameAsCurrent: string;
    wrongCurrent: string;
    submit: string;
    submitting: string;
  };
}

const ja: ShellMessages = {
  skipToMain: 'メインコンテンツへ移動',
  nav: {
    label: 'メインメニュー',
    console: '受付コンソール',
    calendar: '予約カレンダー',
    sessions: '相談記録',
    reports: 'レポート',
    settings: '設定',
    audit: '監査ログ',
    operations: '運用状況',
    check: '接続チェック',
  },
  settingsNav: { label: '設定メニュー', departments: '部署', staff: '職員', kiosks: '端末', booking: '予約枠', integrations: '連携', phrases: '定型文', forms: '申請書式' },
  language: { label: '表示言語', ja: '日本語', en: 'English' },
  notFound: 'ページが見つかりません。メニューから開きたい画面を選んでください。',
  notAllowed: 'この画面を表示する権限がありません。必要な場合は管理者に依頼してください。',
  goToConsole: '受付コンソールへ',
  pageFailed: '画面を読み込めませんでした。ページを再読み込みしてください。',
  changePassword: {
    heading: 'パスワードの変更',
    intro: '仮パスワードでログインしています。続けるには、新しいパスワードを設定してください。',
    current: '現在のパスワード（仮パスワード）',
    next: '新しいパスワード',
    repeat: '新しいパスワード（確認）',
    hint: '10文字以上。他の人が推測しにくいものにしてください。',
    tooShort: '新しいパスワードは10文字以上で入力してください。',
    mismatch: '確認用のパスワードが一致しません。同じパスワードをもう一度入力してください。',
    sameAsCurrent: '新しいパスワードは現在のパスワードと違うものにしてください。',
    wrongCurrent: '現在のパスワードが正しくありません。管理者から受け取った仮パスワードを入力してください。',
    submit: 'パスワードを変更',
    submitting: '変更しています…',
  },
};

const en: ShellMessages = {
  skipToMain: 'Skip to main content',
  nav: {
    label: 'Main menu',
    console: 'Desk console',
    calendar: 'Appointments',
    sessions: 'Consultation records',
    reports: 'Reports',
    settings: 'Settings',
    audit: 'Audit log',
    operations: 'Operations',
    check: 'Connection check',
  },
  settingsNav: { label: 'Settings menu', departments: 'Departments', staff: 'Staff', kiosks: 'Kiosks', booking: 'Booking rules', integrations: 'Integrations', phrases: 'Quick phrases', forms: 'Forms' },
  language: { label: 'Language', ja: '日本語', en: 'English' },
  notFound: 'Page not found. Choose a screen from the menu.',
  notAllowed: 'You are not allowed to see this screen. Ask an administrator if you need it.',
  goToConsole: 'Go to the desk console',
  pageFailed: 'The screen could not be loaded. Reload the page.',
  changePassword: {
    heading: 'Change your password',
    intro: 'You signed in with a temporary password. Set a new password to continue.',
    current: 'Current (temporary) password',
    next: 'New password',
    repeat: 'New password again',
    hint: 'At least 10 characters, hard for others to guess.',
    tooShort: 'The new password must be at least 10 characters.',
    mismatch: 'The two new passwords differ. Type the same password twice.',
    sameAsCurrent: 'The new password must differ from the current one.',
    wrongCurrent: 'The current password is not correct. Enter the temporary password the administrator gave you.',
    submit: 'Change password',
    submitting: 'Changing…',
  },
};

export const shellMessages: ShellMessages = pick({ ja, en });
