import { lazy } from 'react';

// Admin screens load on first use, so the desk console starts as fast as before.
export const CalendarPage = lazy(() => import('../features/calendar/calendar-page').then((m) => ({ default: m.CalendarPage })));
export const SlipPage = lazy(() => import('../features/appointments/slip-page').then((m) => ({ default: m.SlipPage })));
export const RecordsPage = lazy(() => import('../features/records/records-page').then((m) => ({ default: m.RecordsPage })));
export const RecordDetailPage = lazy(() =>
  import('../features/records/record-detail-page').then((m) => ({ default: m.RecordDetailPage })),
);
export const ReportsPage = lazy(() => import('../features/reports/reports-page').then((m) => ({ default: m.ReportsPage })));
export const SettingsPage = lazy(() => import('../features/settings/settings-page').then((m) => ({ default: m.SettingsPage })));
export const AuditPage = lazy(() => import('../features/audit/audit-page').then((m) => ({ default: m.AuditPage })));
export const CheckPage = lazy(() => import('../features/check/check-page').then((m) => ({ default: m.CheckPage })));
export const OperationsPage = lazy(() => import('../features/operations/operations-page').then((m) => ({ default: m.OperationsPage })));
