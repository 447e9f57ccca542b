import nodemailer, { type Transporter } from 'nodemailer';
import type { ClaimedMessage, OutboxRepository } from '../db/repositories/outbox-repository';
import type { LinkSeal } from '../domain/link-seal';
import { PeriodicPass, nextRetryAt } from '../domain/periodic-pass';
import { createLogger } from '../logging/logger';
import { renderBookingMail } from './booking-mail';

const log = createLogger('outbox');

export interface OutboxSenderOptions {
  outbox: OutboxRepository;
  seal: LinkSeal;
  /** SMTP_URL; unset: messages wait in the outbox until a relay is configured. */
  smtpUrl: string | undefined;
  from: string;
  /** Where residents open the booking page (PUBLIC_URL, else this node's address). */
  siteUrl: () => string;
  now: () => Date;
  /** Tries before a message is given up as failed (each one logged). */
  maxAttempts?: number;
  /** First retry after this long, doubling up to an hour. */
  retryBaseMs?: number;
}

const LOCK_MS = 2 * 60_000;
const BATCH = 20;

/**
 * Delivers the outbox: claims due messages, renders each in the resident's language and hands
 * it to the relay; a message is marked sent only after the relay accepted it, and a failure
 * puts it back with a growing delay. The Message-ID is fixed per message, so the rare resend
 * after a crash between "accepted" and "marked sent" is recognisable as the same mail.
 */
export class OutboxSender {
  private readonly transport: Transporter | undefined;
  private readonly passes = new PeriodicPass(() => this.pass());
  private warnedNoRelay = false;

  constructor(private readonly options: OutboxSenderOptions) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  }

  start(intervalMs: number): void {
    this.passes.start(intervalMs);
  }

  async stop(): Promise<void> {
    await this.passes.stop();
    this.transport?.close();
  }

  /** One pass: queue the reminders that came due, then send what is due. Passes run one after another. */
  runOnce(): Promise<{ sent: number; failed: number }> {
    return this.passes.runOnce();
  }

  private async pass(): Promise<{ sent: number; failed: number }> {
    const result = { sent: 0, failed: 0 };
    try {
      await this.options.outbox.enqueueDueReminders(this.options.now());
      if (!this.transport) {
        if (!this.warnedNoRelay) log.warn('SMTP_URL is not set: booking mail waits in the outbox');
        this.warnedNoRelay = true;
        return result;
      }
      for (const message of await this.options.outbox.claim(this.options.now(), BATCH, LOCK_MS)) {
        if (await this.deliver(message)) result.sent += 1;
        else result.failed += 1;
      }
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'outbox pass failed');
    }
    return result;
  }

  private async deliver(message: ClaimedMessage): Promise<boolean> {
    if (!message.email) {
      await this.options.outbox.markFailed(message.id, 'no address', null);
      return false;
    }
    const token = message.tokenSealed ? this.options.seal.open(message.tokenSealed) : null;
    const link = token ? `${this.options.siteUrl().replace(/\/$/, '')}/book/#/b/${token}` : null;
    const mail = renderBookingMail(message, link);
    try {
      await this.transport?.sendMail({ from: this.options.from, to: message.email, subject: mail.subject, text: mail.text, messageId: `<outbox-${message.id}@madoguchi>` });
      await this.options.outbox.markSent(message.id, this.options.now());
      log.info({ outboxId: message.id, kind: message.kind }, 'booking mail sent');
      return true;
    } catch (error) {
      // The relay's answer only: never the address or the text.
      const reason = error instanceof Error ? error.message.replace(/\S+@\S+/g, '<address>') : 'send failed';
      const retryAt = nextRetryAt(this.options.now(), message.attempts, { maxAttempts: this.options.maxAttempts ?? 10, baseMs: this.options.retryBaseMs ?? 30_000, capMs: 3_600_000 });
      await this.options.outbox.markFailed(message.id, reason, retryAt);
      log.warn({ outboxId: message.id, kind: message.kind, attempts: message.attempts, retry: retryAt !== null, reason }, 'booking mail not sent');
      return false;
    }
  }
}
