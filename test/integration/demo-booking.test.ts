import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FreeTimes, PublicBookingOptions } from '@madoguchi/contract/booking';
import { seedDemoData } from '../../server/src/db/seed/demo-data';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

/**
 * A new user runs `npm start` and opens /book/ as README says: the demo data must open some
 * departments for booking (設定 → 予約枠), or the page only says nothing can be booked.
 */
describe('the demo data opens /book/', () => {
  let server: TestServer;
  // Monday 2030-04-01, 08:00 in Japan: the seeded rules open weekdays 9:00–17:00.
  const now = new Date('2030-04-01T08:00:00+09:00');

  before(async () => {
    server = await startTestServer({ now: () => now });
    assert.equal(await seedDemoData(server.db.dataSource, server.app.repositories, 'test-password', now), true);
  });
  after(() => server.close());

  it('offers 子育て支援課 and 税務課 with their topics at the three demo kiosks, and free weekday times', async () => {
    const anonymous = restClient(server.url);
    const options = expectStatus(await anonymous.call<PublicBookingOptions>('publicBookingOptions'), 200);
    assert.deepEqual(options.departments.map((d) => d.name).sort(), ['子育て支援課', '税務課'].sort());
    const kosodate = options.departments.find((d) => d.name === '子育て支援課');
    assert.deepEqual(kosodate?.topics.map((t) => t.name).sort(), ['児童手当の申請', '保育園の入園'].sort());
    assert.equal(kosodate?.topics.find((t) => t.name === '児童手当の申請')?.nameTranslations.en, 'Child allowance');
    assert.equal(options.kiosks.length, 3, 'every demo kiosk takes bookings');

    const kiosk = options.kiosks.find((k) => k.name === '中央図書館 相談窓口');
    assert.ok(kosodate && kiosk);
    const free = expectStatus(
      await anonymous.call<FreeTimes>('publicFreeTimes', { query: { departmentId: kosodate.id, topicId: kosodate.topics[0]?.id ?? '', kioskId: kiosk.id, days: 7 } }),
      200,
    );
    const weekdays = free.days.filter((d) => d.times.length > 0).map((d) => d.day);
    assert.ok(weekdays.includes('2030-04-02'), `Tuesday has free times: ${JSON.stringify(weekdays)}`);
    assert.ok(!weekdays.includes('2030-04-06') && !weekdays.includes('2030-04-07'), `no weekend times: ${JSON.stringify(weekdays)}`);
  });
});
