import type { FreeTimes } from '@madoguchi/contract/booking';
import type { CallerIdentity } from '../api-registry';
import type { BookingRuleRepository } from '../../db/repositories/booking-rule-repository';
import type { AuditLogRepository } from '../../db/repositories/audit-log-repository';
import { AppError } from '../../domain/app-error';
import type { FreeTimeService } from '../../domain/free-time-service';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from '../../domain/pg-errors';
import type { PublicBookingService } from '../../domain/public-booking-service';
import { buildIcs } from '../../exports/ics';
import { FileResponse, kioskOf, staffOf, type ApiRegistry } from '../api-registry';

export interface BookingRouteDeps {
  rules: BookingRuleRepository;
  freeTimes: FreeTimeService;
  bookings: PublicBookingService;
  audit: AuditLogRepository;
  now: () => Date;
}

/** 設定 → 予約枠 (admins) and the booking page's anonymous routes (issue 19). */
export function registerBookingRoutes(api: ApiRegistry, deps: BookingRouteDeps): void {
  api.handle('getBookingRules', async () => deps.rules.view());

  api.handle('updateBookingRules', async ({ body, caller }) => {
    const staffId = staffOf(caller).staffId;
    await deps.rules.save(body, staffId, deps.now()).catch((error: unknown) => {
      const pg = pgErrorOf(error);
      if (pg?.code === PG_FOREIGN_KEY_VIOLATION) throw AppError.badRequest('unknown department or kiosk', [{ path: 'departments', message: 'unknown id' }]);
      if (pg?.code === PG_UNIQUE_VIOLATION) throw AppError.badRequest('a department or kiosk is listed twice', [{ path: 'departments', message: 'duplicate' }]);
      throw error;
    });
    await deps.audit.record({ actorKind: 'staff', actorId: staffId, action: 'booking_rules_updated', targetType: 'setting', details: { setting: 'booking_rules' } });
    return deps.rules.view();
  });

  api.handle('reissueBookingLink', async ({ params, caller }) => deps.bookings.reissueLink(staffOf(caller).staffId, params.id));

  api.handle('publicBookingOptions', async () => deps.freeTimes.publicOptions());

  api.handle('publicFreeTimes', async ({ query }) => {
    const result: FreeTimes = { days: await deps.freeTimes.search(query) };
    return result;
  });

  // 「この窓口で予約する」: a kiosk books only at itself, whatever id another kiosk's token names.
  const ownKiosk = (caller: CallerIdentity, id: string): string => {
    const { kioskId } = kioskOf(caller);
    if (kioskId !== id) throw AppError.forbidden('a kiosk can only book at itself');
    return kioskId;
  };

  api.handle('kioskFreeTimes', async ({ params, query, caller }) => {
    const kioskId = ownKiosk(caller, params.id);
    const result: FreeTimes = { days: await deps.freeTimes.search({ ...query, kioskId }) };
    return result;
  });

  api.handle('createKioskBooking', async ({ params, body, caller }) => deps.bookings.createAtKiosk(ownKiosk(caller, params.id), body));

  api.handle('publicBookingChallenge', async () => deps.bookings.challenge());

  api.handle('createPublicBooking', async ({ body, req }) => deps.bookings.create(body, req.ip ?? 'unknown'));

  api.handle('getPublicBooking', async ({ params, req }) => deps.bookings.view(params.token, req.ip ?? 'unknown'));

  api.handle('movePublicBooking', async ({ params, body, req }) => deps.bookings.move(params.token, body.startsAt, req.ip ?? 'unknown'));

  api.handle('cancelPublicBooking', async ({ params, req }) => deps.bookings.cancel(params.token, req.ip ?? 'unknown'));

  api.handle('publicBookingIcs', async ({ params, req }) => {
    const row = await deps.bookings.rowOf(params.token, req.ip ?? 'unknown');
    const open = row.status === 'scheduled' || row.status === 'checked_in';
    const ics = buildIcs({
      uid: row.id,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      stampedAt: deps.now(),
      summary: `オンライン相談（${row.departmentName}）`,
      location: [row.kioskName, row.kioskLocation, row.kioskAddress].filter(Boolean).join(' '),
      description: open ? `受付番号: ${row.checkInCode}\n端末で「予約があります」を押して番号を入力してください。` : '',
    });
    return new FileResponse('text/calendar; charset=utf-8', 'madoguchi-booking.ics', ics);
  });
}
