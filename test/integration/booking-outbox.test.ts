import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BookingRulesView, PublicBookingCreated } from '@madoguchi/contract/booking';
import type { Appointment } from '@madoguchi/contract/appointments';
import { OutboxRepository } from '../../server/src/db/repositories/outbox-repository';
import { LinkSeal } from '../../server/src/domain/link-seal';
import { OutboxSender } from '../../server/src/mail/outbox-sender';
import { bookingRules, bookPublicly, saveBookingRules, topicOf } from '../fixtures/booking';
import { buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp-capture';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

for (const kind of databaseKinds()) {
  describe(`booking mail through the outbox and a real SMTP relay (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    let world: SchedulingWorld;
    let rules: BookingRulesView;
    let smtp: SmtpCapture;
    const clock = { now: new Date('2030-04-01T09:30:00+09:00') };
    const send = () => server.app.booking.sender.runOnce();
    const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
    const book = async (email: string, startsAt: string, preferredLanguage: 'ja' | 'en' = 'ja'): Promise<PublicBookingCreated> =>
      expectStatus(await bookPublicly(server.url, { departmentId: world.departments[0]?.id ?? '', topicId: topicOf(rules), kioskId: world.kioskId, startsAt, email, preferredLanguage }), 201);

    before(async () => {
      smtp = await startSmtpCapture();
      server = await startTestServer({
        database: kind,
        now: () => clock.now,
        publicUrl: 'https://madoguchi.example.jp',
        mail: { smtpUrl: smtp.url, from: 'まどぐち <no-reply@example.jp>' },
        bookingLimits: { proofBits: 8, perContact: { name: 'o-contact', attempts: 100, windowSeconds: 60 }, perAddress: { name: 'o-addr', attempts: 1000, windowSeconds: 60 } },
      });
      world = await buildSchedulingWorld(server);
      rules = await saveBookingRules(world, bookingRules(world, { maxOpenPerContact: 10 }));
    });
    after(async () => {
      await server?.close();
      await smtp?.close();
    });

    it('keeps the confirmation while the relay is down and sends it once when it is back, with the code and the link', async () => {
      await smtp.down();
      const created = await book('down@example.jp', '2030-04-02T10:00:00+09:00');
      const first = await send();
      assert.deepEqual(first, { sent: 0, failed: 1 });
      const rows: { status: string; attempts: number; last_error: string }[] = await server.db.dataSource.query(`SELECT status, attempts, last_error FROM outbox_message WHERE kind = 'confirmation'`);
      assert.equal(rows[0]?.status, 'pending');
      assert.equal(rows[0]?.attempts, 1);
      assert.ok(!rows[0]?.last_error.includes('down@example.jp'), 'no address in the error kept');

      await smtp.up();
      assert.deepEqual(await send(), { sent: 0, failed: 0 }, 'not before its back-off');
      clock.now = new Date(clock.now.getTime() + 60_000);
      assert.deepEqual(await send(), { sent: 1, failed: 0 });
      assert.deepEqual(await send(), { sent: 0, failed: 0 }, 'never twice');
      const mails = mailsTo('down@example.jp');
      assert.equal(mails.length, 1);
      assert.equal(mails[0]?.subject, 'オンライン相談のご予約を受け付けました');
      assert.match(mails[0]?.text ?? '', new RegExp(`受付番号: ${created.booking.checkInCode}`));
      assert.ok(mails[0]?.text.includes(`https://madoguchi.example.jp/book/#/b/${created.manageToken}`), 'the private link');
      assert.match(mails[0]?.text ?? '', /2030年4月2日\(火\) 10:00/, 'Japan time');
    });

    it('sends each message once when two senders (two nodes) race for the outbox', async () => {
      for (let i = 0; i < 6; i += 1) await book(`race${i}@example.jp`, `2030-04-03T${String(13 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00+09:00`);
      const other = new OutboxSender({
        outbox: new OutboxRepository(server.db.dataSource),
        seal: new LinkSeal(TEST_JWT_SECRET),
        smtpUrl: smtp.url,
        from: 'no-reply@example.jp',
        siteUrl: () => 'https://madoguchi.example.jp',
        now: () => clock.now,
      });
      try {
        const results = await Promise.all([send(), other.runOnce(), send(), other.runOnce()]);
        assert.equal(results.reduce((sum, r) => sum + r.sent, 0), 6);
      } finally {
        await other.stop();
      }
      for (let i = 0; i < 6; i += 1) assert.equal(mailsTo(`race${i}@example.jp`).length, 1, `race${i}`);
    });

    it('reminds the day before and an hour before, once each, in the resident\'s language', async () => {
      const created = await book('remind@example.jp', '2030-04-05T10:00:00+09:00', 'en');
      await send();
      clock.now = new Date('2030-04-04T11:00:00+09:00');
      await send();
      await send();
      clock.now = new Date('2030-04-05T09:05:00+09:00');
      await send();
      await send();
      const subjects = mailsTo('remind@example.jp').map((m) => m.subject);
      assert.deepEqual(subjects, ['Your video consultation is booked', 'Your video consultation is tomorrow', 'Your video consultation starts soon']);
      assert.ok(mailsTo('remind@example.jp')[2]?.text.includes(created.manageToken), 'reminders carry the link too');
      clock.now = new Date('2030-04-01T09:30:00+09:00');
    });

    it('tells the resident of every move, also back to a time it had before (staff and resident moving it in turn)', async () => {
      const created = await book('back@example.jp', '2030-04-09T10:00:00+09:00');
      await send();
      const rows: { id: string }[] = await server.db.dataSource.query(`SELECT a.id FROM appointment a WHERE a.contact_email = 'back@example.jp'`);
      const id = rows[0]?.id ?? '';
      const staffMove = async (at: string) =>
        expectStatus(await world.admin.call<Appointment>('updateAppointment', { params: { id }, body: { startsAt: `2030-04-09T${at}:00+09:00`, endsAt: `2030-04-09T${at.replace(':00', ':30')}:00+09:00` } }), 200);
      await staffMove('11:00');
      await send();
      expectStatus(await restClient(server.url).call('movePublicBooking', { params: { token: created.manageToken }, body: { startsAt: '2030-04-09T10:00:00+09:00' } }), 200);
      await send();
      await staffMove('11:00');
      await send();
      await send();
      const moved = mailsTo('back@example.jp').filter((m) => m.subject === 'ご予約の日時が変更されました');
      assert.deepEqual(moved.map((m) => /1[01]:00/.exec(m.text)?.[0]), ['11:00', '10:00', '11:00'], 'the last notice names the time the booking has now');
    });

    it('tells the resident when staff move or cancel the booking', async () => {
      await book('staff@example.jp', '2030-04-08T10:00:00+09:00');
      await send();
      const rows: { id: string }[] = await server.db.dataSource.query(`SELECT a.id FROM appointment a WHERE a.contact_email = 'staff@example.jp'`);
      const id = rows[0]?.id ?? '';
      expectStatus(await world.admin.call<Appointment>('updateAppointment', { params: { id }, body: { startsAt: '2030-04-08T11:00:00+09:00', endsAt: '2030-04-08T11:30:00+09:00' } }), 200);
      expectStatus(await world.admin.call<Appointment>('updateAppointment', { params: { id }, body: { notes: '書類の確認' } }), 200);
      expectStatus(await world.admin.call<Appointment>('cancelAppointment', { params: { id }, body: { reason: '担当者の都合' } }), 200);
      await send();
      await send();
      const mails = mailsTo('staff@example.jp');
      assert.deepEqual(mails.map((m) => m.subject), ['オンライン相談のご予約を受け付けました', 'ご予約の日時が変更されました', 'ご予約は取り消されました'], 'a note alone sends nothing');
      assert.match(mails[1]?.text ?? '', /11:00/);
      assert.ok(!mails[2]?.text.includes('受付番号'), 'a cancelled booking has no code to use');
      assert.equal(new Set(smtp.mails.map((m) => m.messageId)).size, smtp.mails.length, 'every message has its own Message-ID');
    });
  });
}
