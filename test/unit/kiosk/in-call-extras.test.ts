// The kiosk's in-call extras (kiosk/src/visit/in-call-extras.ts) on a real KioskCallClient over
// the fake Socket.IO server: the call core's messages, marks and consent merged into the one
// snapshot the in-call screen reads, and everything of a resident gone at reset().
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { KioskCallClient } from '@madoguchi/call-core/call/kiosk-call-client';
import { InCallExtras } from '../../../kiosk/src/visit/in-call-extras';
import { FakeServer, clientOptions, closeAllClients, tracked, until } from '../call-core/fake-signalling';

afterEach(closeAllClients);

async function kioskInCall(): Promise<{ server: FakeServer; kiosk: KioskCallClient; extras: InCallExtras }> {
  const server = new FakeServer('kiosk');
  server.handle('callStaff', () => ({ consultationId: 's1', queuePosition: 1 }));
  server.handle('answerSnapshot', () => null);
  server.handle('reportDeviceProblem', () => null);
  const kiosk = tracked(new KioskCallClient(clientOptions(server)));
  const extras = tracked(new InCallExtras({ call: kiosk, getToken: () => 'token', cameraRoles: () => ({ documentCameraId: null, faceCameraId: null }) }));
  await kiosk.connect();
  await kiosk.callStaff({});
  return { server, kiosk, extras };
}

function staffMessage(messageId: string, consultationId = 's1') {
  return { consultationId, messageId, from: 'staff' as const, text: 'こちらをご覧ください', at: '2026-12-04T10:00:00Z', translations: null };
}

describe('InCallExtras (kiosk, fake socket)', () => {
  it('shows nothing while the resident waits; messages and marks of the answered call, the last three messages', async () => {
    const { server, kiosk, extras } = await kioskInCall();
    server.home.push('messageReceived', staffMessage('early'));
    assert.deepEqual(extras.getSnapshot().messages, [], 'not answered yet');
    server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
    await until(() => kiosk.getSnapshot().callState === 'inCall', 'in the call');
    for (const id of ['a', 'b', 'c', 'd']) server.home.push('messageReceived', staffMessage(id));
    server.home.push('messageReceived', staffMessage('x', 'another-call'));
    assert.deepEqual(extras.getSnapshot().messages.map((m) => m.messageId), ['b', 'c', 'd']);
    server.home.push('pointerMarks', { consultationId: 's1', marks: [{ kind: 'pen', color: 'red', points: [[0.5, 0.5]] }] });
    assert.equal(extras.getSnapshot().marks.length, 1);
  });

  it('yes to 撮影 with no document camera: 「送れませんでした」, and the specialist is told why with the request', async () => {
    const { server, kiosk, extras } = await kioskInCall();
    server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
    await until(() => kiosk.getSnapshot().callState === 'inCall', 'in the call');
    server.home.push('snapshotRequested', { consultationId: 's1', requestId: 'r1' });
    assert.deepEqual(extras.getSnapshot().snapshot, { requestId: 'r1', phase: 'asking' });
    await extras.answerSnapshot(true);
    assert.deepEqual(server.home.last('answerSnapshot'), { consultationId: 's1', requestId: 'r1', consent: true });
    assert.deepEqual(extras.getSnapshot().snapshot, { requestId: 'r1', phase: 'failed' });
    assert.deepEqual(server.home.last('reportDeviceProblem'), { consultationId: 's1', device: 'documentCamera', requestId: 'r1' });
    assert.equal(extras.getSnapshot().documentFailed, true);
    extras.dismissSnapshot();
    assert.equal(extras.getSnapshot().snapshot, null);
  });

  it('reset() leaves nothing of the resident for the next one, and the old call’s late marks stay away', async () => {
    const { server, kiosk, extras } = await kioskInCall();
    server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
    await until(() => kiosk.getSnapshot().callState === 'inCall', 'in the call');
    server.home.push('messageReceived', staffMessage('a'));
    server.home.push('pointerMarks', { consultationId: 's1', marks: [{ kind: 'highlight', color: 'blue', points: [[0.1, 0.1]] }] });
    server.home.push('snapshotRequested', { consultationId: 's1', requestId: 'r1' });
    await kiosk.hangUp();
    extras.reset();
    assert.deepEqual(extras.getSnapshot().messages, []);
    assert.deepEqual(extras.getSnapshot().marks, []);
    assert.equal(extras.getSnapshot().snapshot, null);
    server.home.push('pointerMarks', { consultationId: 's1', marks: [{ kind: 'highlight', color: 'blue', points: [[0.1, 0.1]] }] });
    assert.deepEqual(extras.getSnapshot().marks, [], 'the call is over');
  });
});
