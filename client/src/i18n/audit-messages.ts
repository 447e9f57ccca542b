import type { AuditAction, AuditEntry } from '@madoguchi/contract/audit';
import { pick } from './language';

export interface AuditMessages {
  heading: string;
  action: string;
  all: string;
  apply: string;
  caption: string;
  columns: { at: string; actor: string; action: string; target: string; details: string };
  actorKind: Record<AuditEntry['actorKind'], string>;
  actions: Record<AuditAction, string>;
  empty: string;
}

const ja: AuditMessages = {
  heading: '監査ログ',
  action: '操作の種類',
  all: 'すべて',
  apply: '表示',
  caption: '監査ログ（新しい順、日時は日本時間）',
  columns: { at: '日時', actor: '操作した人', action: '操作', target: '対象', details: '詳細' },
  actorKind: { staff: '職員', kiosk: '端末', anonymous: '未ログイン', system: 'システム' },
  actions: {
    login: 'ログイン',
    login_failed: 'ログイン失敗',
    logout: 'ログアウト',
    refresh_token_reused: 'ログインの不正な再利用（ログインを終了）',
    password_changed: 'パスワード変更',
    password_reset: 'パスワード再発行',
    staff_created: '職員の登録',
    staff_updated: '職員の変更',
    department_created: '部署の登録',
    department_updated: '部署の変更',
    kiosk_registered: '端末の登録',
    kiosk_updated: '端末の変更',
    kiosk_pairing_issued: 'ペアリングコード発行',
    kiosk_paired: '端末のペアリング',
    kiosk_pairing_failed: 'ペアリング失敗',
    kiosk_installer_issued: '設置モードのコード発行',
    kiosk_installer_opened: '設置モード開始',
    kiosk_devices_saved: '端末の機器設定を保存',
    kiosk_revoked: '端末の無効化',
    appointment_created: '予約の登録',
    appointment_updated: '予約の変更',
    appointment_cancelled: '予約の取り消し',
    check_in_failed: '受付の失敗',
    session_viewed: '相談記録の閲覧',
    call_context_viewed: '通話中の住民情報の表示',
    quick_phrase_created: '定型文の追加',
    quick_phrase_deleted: '定型文の削除',
    appointment_viewed: '予約の閲覧',
    appointments_listed: '予約一覧の閲覧',
    session_outcome_recorded: '相談結果の記録',
    report_exported: 'レポートの書き出し',
    settings_updated: '設定の変更',
    snapshot_viewed: '書類画像の閲覧',
    guest_invited: '同席者の招待',
  },
  empty: '記録はありません。',
};

const en: AuditMessages = {
  heading: 'Audit log',
  action: 'Action',
  all: 'All',
  apply: 'Show',
  caption: 'Audit log (newest first, Japan time)',
  columns: { at: 'When', actor: 'Who', action: 'Action', target: 'Target', details: 'Details' },
  actorKind: { staff: 'Staff', kiosk: 'Kiosk', anonymous: 'Not signed in', system: 'System' },
  actions: {
    login: 'Sign-in',
    login_failed: 'Failed sign-in',
    logout: 'Sign-out',
    refresh_token_reused: 'Refresh token reused (login ended)',
    password_changed: 'Password changed',
    password_reset: 'Password reset',
    staff_created: 'Member added',
    staff_updated: 'Member changed',
    department_created: 'Department added',
    department_updated: 'Department changed',
    kiosk_registered: 'Kiosk registered',
    kiosk_updated: 'Kiosk changed',
    kiosk_pairing_issued: 'Pairing code issued',
    kiosk_paired: 'Kiosk paired',
    kiosk_pairing_failed: 'Failed pairing',
    kiosk_installer_issued: 'Installer code issued',
    kiosk_installer_opened: 'Installer mode opened',
    kiosk_devices_saved: 'Kiosk devices saved',
    kiosk_revoked: 'Kiosk revoked',
    appointment_created: 'Appointment booked',
    appointment_updated: 'Appointment changed',
    appointment_cancelled: 'Appointment cancelled',
    check_in_failed: 'Failed check-in',
    session_viewed: 'Record viewed',
    call_context_viewed: 'Resident details viewed in a call',
    quick_phrase_created: 'Quick phrase added',
    quick_phrase_deleted: 'Quick phrase removed',
    appointment_viewed: 'Appointment viewed',
    appointments_listed: 'Appointments listed',
    session_outcome_recorded: 'Outcome recorded',
    report_exported: 'Report exported',
    settings_updated: 'Settings changed',
    snapshot_viewed: 'Document photo viewed',
    guest_invited: 'Guest invited to a call',
  },
  empty: 'No entries.',
};

export const auditMessages: AuditMessages = pick({ ja, en });
