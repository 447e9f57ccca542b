import type { DataSource } from 'typeorm';
import type { Page } from '@madoguchi/contract/pagination';
import type { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookEvent } from '@madoguchi/contract/integrations';
import { queryPage } from '../paged-query';
import { returnedRows } from '../query-result';

interface EndpointRow {
  id: string;
  url: string;
  events: WebhookEvent[];
  description: string;
  active: boolean;
  created_at: Date;
}

interface DeliveryListRow {
  id: string;
  endpoint_id: string;
  url: string;
  event: WebhookEvent;
  event_id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  response_code: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  delivered_at: Date | null;
  created_at: Date;
  total: string;
}

/** A claimed delivery with what the sender needs to sign and post it. */
export interface ClaimedDelivery {
  id: string;
  url: string;
  secretSealed: string;
  event: WebhookEvent;
  eventId: string;
  payload: unknown;
  attempts: number;
}

/**
 * Webhook endpoints and their delivery outbox. Deliveries are inserted by database triggers
 * (see the integrations migration); this reads, claims and marks them.
 */
export class WebhookRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertEndpoint(endpoint: { url: string; events: WebhookEvent[]; description: string; secretSealed: string }): Promise<WebhookEndpoint> {
    const rows = returnedRows<EndpointRow>(
      await this.dataSource.query(
        `INSERT INTO webhook_endpoint (url, events, description, secret_sealed) VALUES ($1, $2, $3, $4)
         RETURNING id, url, events, description, active, created_at`,
        [endpoint.url, endpoint.events, endpoint.description, endpoint.secretSealed],
      ),
    );
    return toEndpoint(rows[0] ?? missing());
  }

  async listEndpoints(): Promise<WebhookEndpoint[]> {
    const rows: EndpointRow[] = await this.dataSource.query(
      `SELECT id, url, events, description, active, created_at FROM webhook_endpoint ORDER BY active DESC, created_at DESC`,
    );
    return rows.map(toEndpoint);
  }

  /**
   * Stops the endpoint and drops what was still waiting for it (kept in the log as failed).
   * `disabled` says whether this call stopped it: of parallel calls one does, the others wait
   * for the row lock and find it stopped.
   */
  async disableEndpoint(id: string): Promise<{ endpoint: WebhookEndpoint; disabled: boolean } | null> {
    const rows = returnedRows<EndpointRow>(
      await this.dataSource.query(
        `UPDATE webhook_endpoint SET active = false WHERE id = $1 AND active RETURNING id, url, events, description, active, created_at`,
        [id],
      ),
    );
    if (!rows[0]) {
      const stopped: EndpointRow[] = await this.dataSource.query(
        `SELECT id, url, events, description, active, created_at FROM webhook_endpoint WHERE id = $1`,
        [id],
      );
      return stopped[0] ? { endpoint: toEndpoint(stopped[0]), disabled: false } : null;
    }
    await this.dataSource.query(
      `UPDATE webhook_delivery SET status = 'failed', last_error = 'endpoint disabled', locked_until = NULL
        WHERE endpoint_id = $1 AND status = 'pending'`,
      [id],
    );
    return { endpoint: toEndpoint(rows[0]), disabled: true };
  }

  async listDeliveries(query: { page: number; pageSize: number; endpointId?: string | undefined; status?: WebhookDeliveryStatus | undefined }): Promise<Page<WebhookDelivery>> {
    return queryPage(
      this.dataSource,
      `SELECT d.id, d.endpoint_id, e.url, d.event, d.event_id, d.status, d.attempts, d.response_code, d.last_error,
              d.next_attempt_at, d.delivered_at, d.created_at, count(*) OVER () AS total
         FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
        WHERE ($1::uuid IS NULL OR d.endpoint_id = $1) AND ($2::text IS NULL OR d.status = $2)
        ORDER BY d.created_at DESC, d.id DESC`,
      [query.endpointId ?? null, query.status ?? null],
      query,
      (r: DeliveryListRow) => ({
        id: String(r.id),
        endpointId: r.endpoint_id,
        url: r.url,
        event: r.event,
        eventId: r.event_id,
        status: r.status,
        attempts: r.attempts,
        responseCode: r.response_code,
        lastError: r.last_error,
        nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
        deliveredAt: r.delivered_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
      }),
    );
  }

  /** Due deliveries for this sender; SKIP LOCKED lets several nodes send side by side, a lost sender's lock runs out. */
  async claim(now: Date, limit: number, lockMs: number): Promise<ClaimedDelivery[]> {
    const rows = returnedRows<{ id: string; url: string; secret_sealed: string; event: WebhookEvent; event_id: string; payload: unknown; attempts: number }>(
      await this.dataSource.query(
        `WITH due AS (
           SELECT id FROM webhook_delivery
            WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until < $1)
            ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE webhook_delivery d SET status = 'sending', attempts = d.attempts + 1, locked_until = $1 + make_interval(secs => $3)
           FROM due, webhook_endpoint e
          WHERE d.id = due.id AND e.id = d.endpoint_id
          RETURNING d.id, e.url, e.secret_sealed, d.event, d.event_id, d.payload, d.attempts`,
        [now, limit, lockMs / 1000],
      ),
    );
    return rows.map((r) => ({ id: String(r.id), url: r.url, secretSealed: r.secret_sealed, event: r.event, eventId: r.event_id, payload: r.payload, attempts: r.attempts }));
  }

  async markDelivered(id: string, responseCode: number, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_delivery SET status = 'delivered', response_code = $2, delivered_at = $3, locked_until = NULL, last_error = NULL WHERE id = $1`,
      [id, responseCode, at],
    );
  }

  /** Back to pending for a later try, or failed for good after the last one. */
  async markFailed(id: string, failure: { error: string; responseCode: number | null; retryAt: Date | null }): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_delivery SET status = $2, response_code = $3, last_error = $4, next_attempt_at = COALESCE($5, next_attempt_at), locked_until = NULL
        WHERE id = $1`,
      [id, failure.retryAt ? 'pending' : 'failed', failure.responseCode, failure.error.slice(0, 500), failure.retryAt],
    );
  }
}

function toEndpoint(r: EndpointRow): WebhookEndpoint {
  return { id: r.id, url: r.url, events: r.events, description: r.description, active: r.active, createdAt: r.created_at.toISOString() };
}

function missing(): never {
  throw new Error('webhook endpoint vanished after insert');
}
