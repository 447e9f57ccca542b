import type { IntegrationAppointment } from '@madoguchi/contract/integrations';
import { IDEMPOTENCY_KEY_PATTERN } from '@madoguchi/contract/integrations';
import type { FreeTimes } from '@madoguchi/contract/booking';
import type { BookingRow, PublicBookingRepository } from '../../db/repositories/public-booking-repository';
import type { WebhookRepository } from '../../db/repositories/webhook-repository';
import type { ApiKeyService } from '../../domain/api-key-service';
import { AppError } from '../../domain/app-error';
import type { FreeTimeService } from '../../domain/free-time-service';
import type { Idempotency } from '../../domain/idempotency';
import type { PublicBookingService } from '../../domain/public-booking-service';
import type { WebhookEndpoints, WebhookManager } from '../../webhooks/webhook-endpoints';
import { apiKeyOf, staffOf, type ApiRegistry, type CallerIdentity } from '../api-registry';

export interface IntegrationRouteDeps {
  apiKeys: ApiKeyService;
  endpoints: WebhookEndpoints;
  webhooks: WebhookRepository;
  idempotency: Idempotency;
  bookings: PublicBookingService;
  bookingRows: PublicBookingRepository;
  freeTimes: FreeTimeService;
}

/** 設定 → 連携 (admins) and the routes the town's platform calls with an API key (issue 19). */
export function registerIntegrationRoutes(api: ApiRegistry, deps: IntegrationRouteDeps): void {
  api.handle('listApiKeys', async () => deps.apiKeys.list());
  api.handle('createApiKey', async ({ body, caller }) => deps.apiKeys.create(staffOf(caller).staffId, body));
  api.handle('revokeApiKey', async ({ params, caller }) => deps.apiKeys.revoke(staffOf(caller).staffId, params.id));

  api.handle('getWebhookDestinations', async () => deps.endpoints.destinations());
  api.handle('listWebhooks', async () => deps.endpoints.list());
  api.handle('createWebhook', async ({ body, caller }) => deps.endpoints.create(managerOf(caller), body));
  api.handle('disableWebhook', async ({ params, caller }) => deps.endpoints.disable(managerOf(caller), params.id));
  api.handle('listWebhookDeliveries', async ({ query }) => deps.webhooks.listDeliveries(query));

  api.handle('integrationCreateAppointment', async ({ body, caller, req, res }) => {
    const { apiKeyId } = apiKeyOf(caller);
    const book = async (): Promise<{ appointment: IntegrationAppointment; manageToken: string }> => {
      const { id, manageToken } = await deps.bookings.book(body, { key: deps.bookings.contactKeyOf(body.email) }, { kind: 'api', apiKeyId });
      return { appointment: toIntegration(await mustFind(deps.bookingRows, id)), manageToken };
    };
    const key = req.header('idempotency-key');
    if (key === undefined) return book();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw AppError.badRequest('Idempotency-Key must be 1-100 printable ASCII characters (a UUID is a good choice)', [{ path: 'Idempotency-Key', message: 'invalid' }]);
    }
    const { replayed, value } = await deps.idempotency.run({ apiKeyId, route: 'integrationCreateAppointment', key, body }, book);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return value;
  });

  api.handle('integrationGetAppointment', async ({ params }) => toIntegration(await mustFind(deps.bookingRows, params.id)));

  api.handle('integrationMoveAppointment', async ({ params, body, caller }) => {
    await deps.bookings.moveBooking(await mustFind(deps.bookingRows, params.id), body.startsAt, { kind: 'api', apiKeyId: apiKeyOf(caller).apiKeyId });
    return toIntegration(await mustFind(deps.bookingRows, params.id));
  });

  api.handle('integrationCancelAppointment', async ({ params, caller }) => {
    await deps.bookings.cancelBooking(await mustFind(deps.bookingRows, params.id), { kind: 'api', apiKeyId: apiKeyOf(caller).apiKeyId });
    return toIntegration(await mustFind(deps.bookingRows, params.id));
  });

  api.handle('integrationFreeTimes', async ({ query }) => {
    const result: FreeTimes = { days: await deps.freeTimes.search(query) };
    return result;
  });
}

function managerOf(caller: CallerIdentity): WebhookManager {
  if (caller.kind === 'apiKey') return { kind: 'apiKey', apiKeyId: caller.apiKeyId };
  return { kind: 'staff', staffId: staffOf(caller).staffId };
}

async function mustFind(rows: PublicBookingRepository, id: string): Promise<BookingRow> {
  const row = await rows.findById(id);
  if (!row) throw AppError.notFound('appointment');
  return row;
}

function toIntegration(row: BookingRow): IntegrationAppointment {
  const open = row.status === 'scheduled' || row.status === 'checked_in';
  return {
    id: row.id,
    status: row.status,
    departmentId: row.departmentId,
    topicId: row.topicId,
    kioskId: row.kioskId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    checkInCode: open ? row.checkInCode : null,
    source: row.source as IntegrationAppointment['source'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
