// The kiosk's controller (kiosk/src/visit/kiosk-controller.ts): its state machine with the real
// call core over the fake Socket.IO server and a FakeHandler Device, the token keeper with an
// exchange that answers at once, and its timers on node:test's fake clock.
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import type { KioskController } from '../../../kiosk/src/visit/kiosk-controller';
import { HttpError } from '../../../kiosk/src/device/http-error';
import { DEFAULT_TIMINGS } from '../../../kiosk/src/visit/state-timeouts';
import type { FakeServer} from '../call-core/fake-signalling';
import { closeAllClients, settle, until } from '../call-core/fake-signalling';
import { controllerOn, kioskServer, startIdle } from './kiosk-fixture';

afterEach(() => {
  mock.timers.reset();
  closeAllClients();
});

async function idleKiosk(server = kioskServer()): Promise<{ server: FakeServer; controller: KioskController }> {
  const controller = controllerOn(server);
  await startIdle(controller);
  return { server, controller };
}

/**
 * A walk-in (no departments: straight to the general counter) answered by 佐藤. `fakeClock`:
 * the clock is faked from Idle on, so every timer of the call is a fake one (a real timer
 * would outlive a fake clearTimeout).
 */
async function inCall(fakeClock = false): Promise<{ server: FakeServer; controller: KioskController }> {
  const kiosk = await idleKiosk();
  if (fakeClock) mock.timers.enable({ apis: ['setTimeout'] });
  kiosk.controller.begin();
  kiosk.controller.chooseWalkIn();
  await until(() => kiosk.server.home.count('callStaff') === 1, 'queued');
  kiosk.server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
  await until(() => kiosk.controller.getSnapshot().state.name === 'inCall', 'in the call');
  return kiosk;
}

const name = (controller: KioskController) => controller.getSnapshot().state.name;

describe('KioskController (fake socket, FakeHandler Device, fake clock)', () => {
  it('starts: token, socket, config, Idle; the kiosk’s name comes from its token', async () => {
    const { server, controller } = await idleKiosk();
    assert.equal(controller.getSnapshot().kiosk?.name, '中央図書館');
    assert.equal(server.home.count('getServerInfo'), 1);
    assert.equal(server.home.count('resumeCall'), 1, 'asks whether a call survived a reload');
  });

  it('a walk-in: waiting with its place in the queue, then in the call with the specialist’s name', async () => {
    const { server, controller } = await inCall();
    assert.deepEqual(server.home.last('callStaff'), { language: 'ja' });
    assert.deepEqual(controller.getSnapshot().state, { name: 'inCall', staffName: '佐藤' });
  });

  it('the staff hang up: the survey, skipped by itself after surveyMs (sent as no rating), then Idle in Japanese', async () => {
    const { server, controller } = await inCall(true);
    server.home.push('messageReceived', { consultationId: 's1', messageId: 'm1', from: 'staff', text: 'どうぞ', at: 'now', translations: null });
    assert.equal(controller.getSnapshot().extras.messages.length, 1);
    server.home.push('callEnded', { consultationId: 's1', reason: 'staff_ended' });
    await until(() => name(controller) === 'survey', 'survey');
    assert.deepEqual(controller.getSnapshot().extras.messages, [], 'nothing of the call is left on screen');
    mock.timers.tick(DEFAULT_TIMINGS.surveyMs - 1);
    assert.equal(name(controller), 'survey');
    mock.timers.tick(1);
    await until(() => server.home.count('submitSurvey') === 1, 'survey skipped');
    assert.deepEqual(server.home.last('submitSurvey'), { consultationId: 's1', rating: null });
    assert.equal(name(controller), 'ended');
    mock.timers.tick(DEFAULT_TIMINGS.endedDisplayMs);
    assert.equal(name(controller), 'idle');
    assert.equal(controller.getSnapshot().language, 'ja');
  });

  it('a long quiet wait asks 「続けますか？」 first: a touch keeps the resident in the queue; no answer cancels the call, 「ただいま対応できません」, then Idle', async () => {
    const { server, controller } = await idleKiosk();
    mock.timers.enable({ apis: ['setTimeout'] });
    controller.begin();
    controller.chooseWalkIn();
    await until(() => server.home.count('callStaff') === 1 && name(controller) === 'calling', 'waiting');
    mock.timers.tick(DEFAULT_TIMINGS.maxWaitMs - 1);
    assert.equal(controller.getSnapshot().idleWarningEndsAt, null, 'no warning before maxWaitMs');
    mock.timers.tick(1);
    assert.notEqual(controller.getSnapshot().idleWarningEndsAt, null, 'the warning shows over the waiting screen');
    assert.equal(name(controller), 'calling', 'the resident is still in the queue while asked');
    // The resident is still there: 「続ける」.
    controller.noteActivity();
    assert.equal(controller.getSnapshot().idleWarningEndsAt, null);
    mock.timers.tick(DEFAULT_TIMINGS.idleWarningMs);
    await settle();
    assert.equal(name(controller), 'calling', 'a resident who answered keeps waiting');
    assert.equal(server.home.count('cancelCall'), 0);
    // A new place in the queue is no touch: the next quiet period still runs out.
    server.home.push('queuePosition', { consultationId: 's1', position: 1, estimatedWaitSeconds: 60, outlook: 'waiting' });
    await until(() => controller.getSnapshot().state.name === 'calling' && (controller.getSnapshot().state as { queuePosition: number }).queuePosition === 1, 'moved up');
    mock.timers.tick(DEFAULT_TIMINGS.maxWaitMs);
    assert.notEqual(controller.getSnapshot().idleWarningEndsAt, null, 'asked again after another quiet period');
    mock.timers.tick(DEFAULT_TIMINGS.idleWarningMs);
    await until(() => server.home.count('cancelCall') === 1, 'cancelled');
    assert.deepEqual(controller.getSnapshot().state, { name: 'fault', fault: 'noAnswer' });
    assert.equal(controller.getSnapshot().idleWarningEndsAt, null);
    mock.timers.tick(DEFAULT_TIMINGS.faultDisplayMs);
    assert.equal(name(controller), 'idle');
  });

  it('no timer moves a resident out of a call while they read a form or are asked for a snapshot, however long it takes', async () => {
    const { server, controller } = await inCall(true);
    server.home.push('formShown', { consultationId: 's1', documentId: 'd1', revision: 1, title: { ja: '申請書' }, fields: [], values: {} });
    server.home.push('snapshotRequested', { consultationId: 's1', requestId: 'r1' });
    await until(() => controller.getSnapshot().forms !== null && controller.getSnapshot().extras.snapshot !== null, 'form and snapshot request shown');
    // Two hours of nobody touching anything, in minutes, so every re-armed timer gets its turn.
    for (let minute = 0; minute < 120; minute += 1) mock.timers.tick(60_000);
    await settle();
    assert.deepEqual(controller.getSnapshot().state, { name: 'inCall', staffName: '佐藤' });
    assert.equal(controller.getSnapshot().idleWarningEndsAt, null, 'no 「続けますか？」 in a call');
    assert.notEqual(controller.getSnapshot().forms, null, 'the form stays until the resident answers or staff withdraw it');
    assert.equal(controller.getSnapshot().extras.snapshot?.phase, 'asking', 'the snapshot question stays');
    assert.equal(server.home.count('hangUp') + server.home.count('cancelCall'), 0);
  });

  it('「続けますか？」 after inactivityMs on a choosing screen; a touch starts the wait again; no answer: Idle', async () => {
    const { controller } = await idleKiosk();
    mock.timers.enable({ apis: ['setTimeout'] });
    controller.begin();
    assert.equal(name(controller), 'start');
    mock.timers.tick(DEFAULT_TIMINGS.inactivityMs);
    assert.notEqual(controller.getSnapshot().idleWarningEndsAt, null, 'the warning shows');
    controller.noteActivity();
    assert.equal(controller.getSnapshot().idleWarningEndsAt, null);
    mock.timers.tick(DEFAULT_TIMINGS.inactivityMs);
    assert.notEqual(controller.getSnapshot().idleWarningEndsAt, null);
    mock.timers.tick(DEFAULT_TIMINGS.idleWarningMs);
    assert.equal(name(controller), 'idle');
    assert.equal(controller.getSnapshot().idleWarningEndsAt, null);
  });

  it('a language left chosen on Idle goes back to Japanese after inactivityMs', async () => {
    const { controller } = await idleKiosk();
    mock.timers.enable({ apis: ['setTimeout'] });
    controller.setLanguage('en');
    assert.equal(controller.getSnapshot().language, 'en');
    mock.timers.tick(DEFAULT_TIMINGS.inactivityMs);
    assert.equal(controller.getSnapshot().language, 'ja');
  });

  it('the socket drops while waiting and comes back: still waiting, with the place the server gives', async () => {
    const { server, controller } = await idleKiosk();
    controller.begin();
    controller.chooseWalkIn();
    await until(() => name(controller) === 'calling' && server.home.count('callStaff') === 1, 'waiting');
    server.home.drop();
    await settle();
    server.handle('callStaff', () => ({ consultationId: 's1', queuePosition: 1 }));
    server.home.comeBack();
    await until(() => server.home.count('callStaff') === 2, 'queued again (the server keeps the same consultation)');
    await until(() => controller.getSnapshot().call?.call?.queuePosition === 1, 'the new place');
    await settle();
    assert.equal(name(controller), 'calling', 'no fault, no second waiting screen');
  });

  it('a page reloaded during a call: the server still holds it, so the kiosk goes straight back into it', async () => {
    const server = kioskServer();
    server.handle('resumeCall', () => ({ live: { consultationId: 's7', state: 'active', queuePosition: null, peerName: '佐藤' }, ended: null, unrecorded: null }));
    const controller = controllerOn(server);
    await controller.start();
    await until(() => name(controller) === 'inCall', 'back in the call');
    await until(() => server.home.count('joinRoom') === 1, 'joined the room again');
    assert.equal(server.home.last('joinRoom')?.['consultationId'], 's7');
  });

  it('a credential the server refuses: the pairing screen says it was revoked, and nothing is connected', async () => {
    const server = kioskServer();
    const controller = controllerOn(server, {
      connections: {
        exchangeCredential: async () => {
          throw new HttpError(401, 'revoked');
        },
      },
    });
    await controller.start();
    assert.deepEqual(controller.getSnapshot().state, { name: 'pairing', reason: 'revoked', submitting: false, error: null });
    assert.equal(server.sockets.length, 0);
    assert.equal(controller.inCall, null);
  });
});
