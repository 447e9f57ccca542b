// The kiosk reloads itself for a new server release (kiosk/src/visit/release-reload.ts) through
// its real controller, the real call core over the fake Socket.IO server, on node:test's fake
// clock: at Idle after a quiet moment, never while a resident is choosing or waiting.
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { KIOSK_RELOAD_QUIET_MS } from '@madoguchi/contract/release';
import { resetPageRelease } from '@madoguchi/call-core/page-release';
import type { KioskController } from '../../../kiosk/src/visit/kiosk-controller';
import type { FakeServer} from '../call-core/fake-signalling';
import { closeAllClients, settle, until } from '../call-core/fake-signalling';
import { controllerOn, kioskServer, startIdle } from './kiosk-fixture';

afterEach(() => {
  mock.timers.reset();
  closeAllClients();
  resetPageRelease();
});

async function idleKiosk(): Promise<{ server: FakeServer; controller: KioskController; reloads: () => number }> {
  const server = kioskServer();
  let reloads = 0;
  const controller = controllerOn(server, {}, {
    reload: () => {
      reloads += 1;
    },
  });
  await startIdle(controller);
  // From the real time on: the controller noted its quiet start on the real clock.
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.now() });
  return { server, controller, reloads: () => reloads };
}

/** The town upgraded the server: the socket drops and comes back to the new release. */
async function upgradeServer(kiosk: { server: FakeServer; controller: KioskController }): Promise<void> {
  kiosk.server.info.buildId = 'release-2';
  kiosk.server.home.drop();
  await settle();
  kiosk.server.home.comeBack();
  await until(() => kiosk.controller.getSnapshot().call?.serverInfo?.buildId === 'release-2', 'reconnected to the new release');
  await settle();
}

describe('kiosk reload for a new release (controller, fake socket, fake clock)', () => {
  it('an idle kiosk reloads once the idle screen has been quiet, not before', async () => {
    const kiosk = await idleKiosk();
    assert.equal(kiosk.controller.getSnapshot().call?.pageBuildId, 'release-1');
    await upgradeServer(kiosk);
    mock.timers.tick(KIOSK_RELOAD_QUIET_MS - 500);
    assert.equal(kiosk.reloads(), 0, 'a touch may be on its way');
    mock.timers.tick(1_000);
    assert.equal(kiosk.reloads(), 1);
  });

  it('does not reload for a reconnect to the same release', async () => {
    const kiosk = await idleKiosk();
    kiosk.server.home.drop();
    await settle();
    kiosk.server.home.comeBack();
    await settle();
    mock.timers.tick(KIOSK_RELOAD_QUIET_MS * 10);
    assert.equal(kiosk.reloads(), 0);
  });

  it('a resident choosing at the start screen is never interrupted; the reload waits for Idle', async () => {
    const kiosk = await idleKiosk();
    kiosk.controller.begin();
    assert.equal(kiosk.controller.getSnapshot().state.name, 'start');
    await upgradeServer(kiosk);
    mock.timers.tick(KIOSK_RELOAD_QUIET_MS * 5);
    assert.equal(kiosk.reloads(), 0);
    kiosk.controller.back();
    assert.equal(kiosk.controller.getSnapshot().state.name, 'idle');
    mock.timers.tick(KIOSK_RELOAD_QUIET_MS + 100);
    assert.equal(kiosk.reloads(), 1);
  });

  it('a waiting resident is never interrupted; after the cancel and a quiet Idle it reloads', async () => {
    const kiosk = await idleKiosk();
    kiosk.controller.begin();
    kiosk.controller.chooseWalkIn();
    await until(() => kiosk.server.home.count('callStaff') === 1 && kiosk.controller.getSnapshot().state.name === 'calling', 'waiting');
    await upgradeServer(kiosk);
    mock.timers.tick(KIOSK_RELOAD_QUIET_MS * 5);
    assert.equal(kiosk.reloads(), 0);
    assert.equal(kiosk.controller.getSnapshot().state.name, 'calling');
    await kiosk.controller.cancel();
    await until(() => kiosk.controller.getSnapshot().state.name === 'idle', 'back at Idle');
    await settle();
    mock.timers.tick(KIOSK_RELOAD_QUIET_MS + 100);
    assert.equal(kiosk.reloads(), 1);
  });

  it('a touch on the idle screen (a language chosen) puts the reload off again', async () => {
    const kiosk = await idleKiosk();
    await upgradeServer(kiosk);
    mock.timers.tick(KIOSK_RELOAD_QUIET_MS - 500);
    kiosk.controller.setLanguage('en');
    mock.timers.tick(1_000);
    assert.equal(kiosk.reloads(), 0, 'touched half a second ago');
    mock.timers.tick(KIOSK_RELOAD_QUIET_MS);
    assert.equal(kiosk.reloads(), 1);
  });
});
