import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hrefFor, parseHash, routeAllowed } from '../../../../client/src/app/routes';
import type { Route } from '../../../../client/src/app/routes';

describe('hash routes', () => {
  it('an empty hash is the console', () => {
    assert.deepEqual(parseHash(''), { name: 'console' });
    assert.deepEqual(parseHash('#/'), { name: 'console' });
  });

  it('parses ids, sections and queries', () => {
    assert.deepEqual(parseHash('#/consultations/abc-1'), { name: 'consultation', id: 'abc-1' });
    assert.deepEqual(parseHash('#/settings/kiosks'), { name: 'settings', section: 'kiosks' });
    assert.deepEqual(parseHash('#/consultations?page=2&kind=walk_in'), { name: 'consultations', query: { page: '2', kind: 'walk_in' } });
    assert.deepEqual(parseHash('#/appointments/x/slip'), { name: 'slip', appointmentId: 'x' });
    assert.deepEqual(parseHash('#/settings/nope'), { name: 'notFound' });
  });

  it('opens staff links from before the rename (#/sessions…) as the records pages', () => { // rename:keep
    const [legacyRecord, legacyList] = ['#/sessions/abc-1', '#/sessions?page=2']; // rename:keep
    assert.deepEqual(parseHash(legacyRecord), { name: 'consultation', id: 'abc-1' });
    assert.deepEqual(parseHash(legacyList), { name: 'consultations', query: { page: '2' } });
    assert.equal(hrefFor({ name: 'consultation', id: 'abc-1' }), '#/consultations/abc-1');
  });

  it('hrefFor() is the inverse of parseHash()', () => {
    const routes: Route[] = [
      { name: 'console' },
      { name: 'calendar', query: { view: 'week', date: '2026-11-24' } },
      { name: 'consultation', id: 'abc' },
      { name: 'settings', section: 'staff' },
      { name: 'slip', appointmentId: 'a1' },
      { name: 'audit', query: { page: '3' } },
    ];
    for (const route of routes) assert.deepEqual(parseHash(hrefFor(route)), route);
  });

  it('staff reach only the console and the records', () => {
    assert.equal(routeAllowed({ name: 'consultations', query: {} }, 'staff'), true);
    assert.equal(routeAllowed({ name: 'consultation', id: 'x' }, 'staff'), true);
    assert.equal(routeAllowed({ name: 'calendar', query: {} }, 'staff'), false);
    assert.equal(routeAllowed({ name: 'settings', section: 'staff' }, 'staff'), false);
    assert.equal(routeAllowed({ name: 'audit', query: {} }, 'admin'), true);
  });
});
