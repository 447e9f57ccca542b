import { z } from './zod';
import { PageQuery } from './pagination';

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'refresh_token_reused',
  'password_changed',
  'password_reset',
  'staff_created',
  'staff_updated',
  'department_created',
  'department_updated',
  'kiosk_registered',
  'kiosk_updated',
  'kiosk_pairing_issued',
  'kiosk_paired',
  'kiosk_pairing_failed',
  'kiosk_revoked',
  'kiosk_installer_issued',
  'kiosk_installer_opened',
  'kiosk_devices_saved',
  'appointment_created',
  'appointment_updated',
  'appointment_cancelled',
  'check_in_failed',
  'session_viewed',
  'call_context_viewed',
  'appointment_viewed',
  'appointments_listed',
  'snapshot_viewed',
  'guest_invited',
  'session_outcome_recorded',
  'report_exported',
  'settings_updated',
  'quick_phrase_created',
  'quick_phrase_deleted',
  'appointment_booked_publicly',
  'appointment_booked_at_kiosk',
  'appointment_moved_publicly',
  'appointment_cancelled_publicly',
  'booking_link_reissued',
  'booking_rules_updated',
  'form_template_saved',
  'form_template_archived',
  'form_signed',
  'form_viewed',
  'form_copy_printed',
  'caption_transcript_viewed',
  'api_key_created',
  'api_key_revoked',
  'api_key_used',
  'webhook_created',
  'webhook_disabled',
  'appointment_booked_by_api',
  'appointment_moved_by_api',
  'appointment_cancelled_by_api',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditListQuery = z
  .object({ ...PageQuery, action: z.enum(AUDIT_ACTIONS).optional(), actorId: z.uuid().optional() })
  .strict();

/** Who did what to which record; never personal data beyond ids. */
export interface AuditEntry {
  id: string;
  at: string;
  actorKind: 'staff' | 'kiosk' | 'anonymous' | 'system' | 'api_key';
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}
