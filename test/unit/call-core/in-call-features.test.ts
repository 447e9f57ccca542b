// The in-call features core (@madoguchi/call-core/in-call) on real role clients over the fake
// Socket.IO server: what the desk and the kiosk see of messages, marks and snapshots, including
// answers that overtake acks, other calls' notifications, and the timers (node:test's fake clock).
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import type { ChatMessage, SnapshotInfo } from '@madoguchi/contract/signalling-events';
import { KioskCallClient } from '@madoguchi/call-core/call/kiosk-call-client';
import { StaffCallClient } from '@madoguchi/call-core/call/staff-call-client';
import { CallMessages, deskMessages, readMessages } from '@madoguchi/call-core/in-call/call-messages';
import { ReceivedPointerMarks, deskPointerMarks } from '@madoguchi/call-core/in-call/pointer-marks';
import { ANSWER_WAIT_MS, NOTE_DISPLAY_MS, SnapshotConsent, deskSnapshots } from '@madoguchi/call-core/in-call/snapshots';
import type { SnapshotStore } from '@madoguchi/call-core/in-call/snapshots';
import { FakeServer, Refusal, clientOptions, closeAllClients, settle, tracked, until } from './fake-signalling';

afterEach(() => {
  mock.timers.reset();
  closeAllClients();
});

const ENTRY = { consultationId: 's1', kioskName: '中央図書館', departmentName: '総合窓口' };

function message(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return { consultationId: 's1', messageId: `m-${Math.random()}`, from: 'kiosk', text: 'はい', at: '2026-12-04T10:00:00Z', translations: null, ...overrides };
}

function picture(snapshotId: string, requestId: string, consultationId = 's1'): SnapshotInfo {
  return { consultationId, snapshotId, requestId, takenAt: '2026-12-04T10:00:00Z', contentType: 'image/jpeg', width: 1920, height: 1080, byteSize: 3, sha256: 'x' };
}

/** A desk in a call with 中央図書館 on s1. */
async function deskInCall(): Promise<{ server: FakeServer; desk: StaffCallClient }> {
  const server = new FakeServer('staff');
  server.handle('getQueue', () => [ENTRY]);
  server.handle('setAvailability', () => null);
  server.handle('acceptCall', ({ consultationId }) => ({ consultationId, kioskName: '中央図書館', kioskLocation: '1階', mediaNodeUrl: null }));
  const desk = tracked(new StaffCallClient(clientOptions(server)));
  await desk.connect();
  await desk.acceptCall('s1');
  return { server, desk };
}

/** A kiosk answered by 佐藤 on s1. */
async function kioskInCall(): Promise<{ server: FakeServer; kiosk: KioskCallClient }> {
  const server = new FakeServer('kiosk');
  server.handle('callStaff', () => ({ consultationId: 's1', queuePosition: 1 }));
  const kiosk = tracked(new KioskCallClient(clientOptions(server)));
  await kiosk.connect();
  await kiosk.callStaff({});
  server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
  await until(() => kiosk.getSnapshot().callState === 'inCall', 'in the call');
  return { server, kiosk };
}

/** The stored pictures as the staff app's REST client would answer them. */
function memoryStore(listed: SnapshotInfo[] = [], missing = new Set<string>()): SnapshotStore & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    fetched,
    list: async () => listed,
    image: async (snapshotId) => {
      fetched.push(snapshotId);
      if (missing.has(snapshotId)) throw new Error('404');
      return new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    },
  };
}

describe('in-call messages', () => {
  it('the desk shows the kiosk’s messages of its own call only, and its own once acknowledged, once', async () => {
    const { server, desk } = await deskInCall();
    const echo = message({ messageId: 'own-1', from: 'staff', text: '書類を見せてください' });
    server.handle('sendMessage', () => echo);
    const chat = deskMessages(desk, 's1');
    server.home.push('messageReceived', message({ messageId: 'k1' }));
    server.home.push('messageReceived', message({ messageId: 'other', consultationId: 's2' }));
    assert.deepEqual(chat.getSnapshot().messages.map((m) => m.messageId), ['k1']);

    assert.equal(await chat.send('s1', '  書類を見せてください  ', 'phrase-7'), true);
    assert.deepEqual(server.home.last('sendMessage'), { consultationId: 's1', text: '書類を見せてください', phraseId: 'phrase-7' });
    server.home.push('messageReceived', echo); // the server's echo to the room
    assert.deepEqual(chat.getSnapshot().messages.map((m) => m.messageId), ['k1', 'own-1']);
    assert.equal(chat.getSnapshot().sending, false);
    chat.close();
  });

  it('a refused send says failed and keeps nothing; an empty text is not sent; long text is cut to the contract’s 500', async () => {
    const { server, desk } = await deskInCall();
    const chat = deskMessages(desk, 's1');
    server.handle('sendMessage', () => {
      throw new Refusal('INVALID_STATE');
    });
    assert.equal(await chat.send('s1', 'もしもし'), false);
    assert.equal(chat.getSnapshot().failed, true);
    assert.deepEqual(chat.getSnapshot().messages, []);
    assert.equal(await chat.send('s1', '   '), false);
    assert.equal(server.home.count('sendMessage'), 1);
    server.handle('sendMessage', ({ text }) => message({ from: 'staff', text: String(text) }));
    assert.equal(await chat.send('s1', 'あ'.repeat(600)), true);
    assert.equal(String(server.home.last('sendMessage')?.['text']).length, 500);
    assert.equal(chat.getSnapshot().failed, false);
    chat.close();
  });

  it('a reader (the guest page) cannot send, and a closed conversation hears nothing more', async () => {
    const { server, desk } = await deskInCall();
    const reader = readMessages(desk, 's1');
    assert.equal(await reader.send('s1', 'こんにちは'), false);
    reader.close();
    server.home.push('messageReceived', message());
    assert.deepEqual(reader.getSnapshot().messages, []);
  });

  it('the kiosk keeps only the specialist’s last three, of the answered call only', async () => {
    const { server, kiosk } = await kioskInCall();
    const accepts = (id: string) => kiosk.getSnapshot().call?.answered === true && kiosk.getSnapshot().call?.consultationId === id;
    const shown = new CallMessages({ call: kiosk, accepts, from: ['staff'], keepLast: 3 });
    for (const n of [1, 2, 3, 4]) server.home.push('messageReceived', message({ messageId: `s${n}`, from: 'staff' }));
    server.home.push('messageReceived', message({ messageId: 'own', from: 'kiosk' }));
    server.home.push('messageReceived', message({ messageId: 'late', from: 'staff', consultationId: 'old-call' }));
    assert.deepEqual(shown.getSnapshot().messages.map((m) => m.messageId), ['s2', 's3', 's4']);
    shown.reset();
    assert.deepEqual(shown.getSnapshot().messages, []);
    shown.close();
  });
});

describe('pointer marks', () => {
  it('a stroke goes out about ten times a second while drawing, and exactly as drawn when it ends', async () => {
    const { server, desk } = await deskInCall();
    server.handle('pointer', () => null);
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
    const marks = deskPointerMarks(desk, 's1');
    marks.begin('pen', 'red', [0.1, 0.1]);
    for (let i = 1; i <= 20; i += 1) marks.extend([0.1 + i * 0.01, 0.1]);
    await settle();
    assert.equal(server.home.count('pointer'), 1, 'the first point at once, the rest held back');
    mock.timers.tick(100);
    await settle();
    assert.equal(server.home.count('pointer'), 2, 'one more after the interval');
    marks.end();
    await settle();
    const sent = server.home.last('pointer')?.['marks'] as { points: unknown[] }[];
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.points.length, 21, 'the final stroke, every point');
    assert.equal(marks.getSnapshot().stroke, null);
    assert.equal(marks.getSnapshot().marks.length, 1);
    marks.close();
    await settle();
    assert.deepEqual(server.home.last('pointer'), { consultationId: 's1', marks: [] }, 'closing the pane clears the kiosk');
  });

  it('a refused send shows failed until the next one goes through', async () => {
    const { server, desk } = await deskInCall();
    server.handle('pointer', () => {
      throw new Refusal('INVALID_STATE');
    });
    const marks = deskPointerMarks(desk, 's1');
    marks.begin('highlight', 'blue', [0.5, 0.5]);
    await until(() => marks.getSnapshot().failed, 'failed shown');
    server.handle('pointer', () => null);
    marks.clear();
    await until(() => !marks.getSnapshot().failed, 'failed cleared');
    marks.close();
  });

  it('the kiosk takes each set as a whole, ignores other calls’, and clears them itself', async () => {
    const { server, kiosk } = await kioskInCall();
    const received = new ReceivedPointerMarks(kiosk, (id) => id === 's1');
    const mark = { kind: 'pen' as const, color: 'red' as const, points: [[0.2, 0.2]] as [number, number][] };
    server.home.push('pointerMarks', { consultationId: 's1', marks: [mark, mark] });
    server.home.push('pointerMarks', { consultationId: 's9', marks: [] });
    assert.equal(received.getSnapshot().marks.length, 2);
    server.home.push('pointerMarks', { consultationId: 's1', marks: [mark] });
    assert.equal(received.getSnapshot().marks.length, 1);
    received.clear();
    assert.deepEqual(received.getSnapshot().marks, []);
    received.close();
  });
});

describe('snapshots at the desk', () => {
  it('the kiosk’s answer and the stored picture overtaking the request’s ack still end as stored, in the gallery', async () => {
    const { server, desk } = await deskInCall();
    server.handle('requestSnapshot', (_payload, socket) => {
      socket.push('snapshotAnswered', { consultationId: 's1', requestId: 'r1', consent: true });
      socket.push('snapshotStored', picture('p1', 'r1'));
      return { requestId: 'r1' };
    });
    const store = memoryStore();
    const snapshots = deskSnapshots(desk, 's1', store);
    snapshots.request();
    assert.equal(snapshots.getSnapshot().busy, true);
    await until(() => snapshots.getSnapshot().items[0]?.url !== null && snapshots.getSnapshot().items.length === 1, 'picture fetched');
    assert.equal(snapshots.getSnapshot().status, 'stored');
    assert.equal(snapshots.getSnapshot().busy, false);
    assert.match(String(snapshots.getSnapshot().items[0]?.url), /^blob:/);
    snapshots.close();
  });

  it('fills the gallery from the server’s list once, marks a picture it cannot fetch, ignores other calls', async () => {
    const { server, desk } = await deskInCall();
    const store = memoryStore([picture('p1', 'r1'), picture('p2', 'r2')], new Set(['p2']));
    const snapshots = deskSnapshots(desk, 's1', store);
    await until(() => snapshots.getSnapshot().items.every((i) => i.url !== null) && snapshots.getSnapshot().items.length === 2, 'list loaded');
    server.home.push('snapshotStored', picture('p1', 'r1')); // already listed
    server.home.push('snapshotStored', picture('p9', 'r9', 's2'));
    await settle();
    assert.deepEqual(snapshots.getSnapshot().items.map((i) => [i.info.snapshotId, i.url === 'error']), [['p1', false], ['p2', true]]);
    assert.deepEqual(store.fetched, ['p1', 'p2']);
    snapshots.close();
  });

  it('no camera at the kiosk, a refusal, and silence: each says so and 撮影 works again', async () => {
    const { server, desk } = await deskInCall();
    let n = 0;
    server.handle('requestSnapshot', () => ({ requestId: `r${++n}` }));
    mock.timers.enable({ apis: ['setTimeout'] });
    const snapshots = deskSnapshots(desk, 's1', memoryStore());

    snapshots.request();
    await until(() => snapshots.getSnapshot().status === 'asking', 'asking');
    server.home.push('deviceProblem', { consultationId: 's1', device: 'documentCamera', requestId: 'r1' });
    assert.equal(snapshots.getSnapshot().status, 'noCamera');
    assert.equal(snapshots.getSnapshot().busy, false);

    snapshots.request();
    await until(() => snapshots.getSnapshot().status === 'asking', 'asking again');
    server.home.push('snapshotAnswered', { consultationId: 's1', requestId: 'r2', consent: false });
    assert.equal(snapshots.getSnapshot().status, 'refused');

    snapshots.request();
    await until(() => snapshots.getSnapshot().status === 'asking', 'asking a third time');
    server.home.push('snapshotAnswered', { consultationId: 's1', requestId: 'r3', consent: true });
    assert.equal(snapshots.getSnapshot().status, 'consented');
    mock.timers.tick(ANSWER_WAIT_MS - 1);
    assert.equal(snapshots.getSnapshot().busy, true);
    mock.timers.tick(1);
    assert.equal(snapshots.getSnapshot().status, 'timedOut');
    assert.equal(snapshots.getSnapshot().busy, false);
    snapshots.close();
  });

  it('a refused request says failed', async () => {
    const { server, desk } = await deskInCall();
    server.handle('requestSnapshot', () => {
      throw new Refusal('INVALID_STATE');
    });
    const snapshots = deskSnapshots(desk, 's1', memoryStore());
    snapshots.request();
    await until(() => snapshots.getSnapshot().status === 'failed', 'failed');
    assert.equal(snapshots.getSnapshot().busy, false);
    snapshots.close();
  });
});

describe('snapshot consent at the kiosk', () => {
  function consentOn(kiosk: KioskCallClient, capture: (consultationId: string, requestId: string) => Promise<boolean>): SnapshotConsent {
    return new SnapshotConsent({
      call: kiosk,
      accepts: (id) => id === kiosk.getSnapshot().call?.consultationId,
      currentCall: () => kiosk.getSnapshot().call?.consultationId ?? null,
      answer: (consultationId, requestId, consent) => kiosk.sendKioskCallRequest('answerSnapshot', { consultationId, requestId, consent }),
      capture,
    });
  }

  it('yes: capturing, then 「送りました」 that closes itself after five seconds', async () => {
    const { server, kiosk } = await kioskInCall();
    server.handle('answerSnapshot', () => null);
    const captured: string[] = [];
    const consent = consentOn(kiosk, async (_s, requestId) => (captured.push(requestId), true));
    mock.timers.enable({ apis: ['setTimeout'] });
    server.home.push('snapshotRequested', { consultationId: 's1', requestId: 'r1' });
    assert.deepEqual(consent.getSnapshot().snapshot, { requestId: 'r1', phase: 'asking' });
    const answered = consent.answer(true);
    assert.equal(consent.getSnapshot().snapshot?.phase, 'capturing');
    await answered;
    assert.deepEqual(server.home.last('answerSnapshot'), { consultationId: 's1', requestId: 'r1', consent: true });
    assert.deepEqual(captured, ['r1']);
    assert.equal(consent.getSnapshot().snapshot?.phase, 'sent');
    mock.timers.tick(NOTE_DISPLAY_MS);
    assert.equal(consent.getSnapshot().snapshot, null);
    consent.close();
  });

  it('no: nothing is captured; a failed capture says failed; a question of another call is not shown', async () => {
    const { server, kiosk } = await kioskInCall();
    server.handle('answerSnapshot', () => null);
    const consent = consentOn(kiosk, async () => false);
    server.home.push('snapshotRequested', { consultationId: 'other', requestId: 'r0' });
    assert.equal(consent.getSnapshot().snapshot, null);
    server.home.push('snapshotRequested', { consultationId: 's1', requestId: 'r1' });
    await consent.answer(false);
    assert.equal(consent.getSnapshot().snapshot, null);
    assert.deepEqual(server.home.last('answerSnapshot'), { consultationId: 's1', requestId: 'r1', consent: false });
    server.home.push('snapshotRequested', { consultationId: 's1', requestId: 'r2' });
    await consent.answer(true);
    assert.deepEqual(consent.getSnapshot().snapshot, { requestId: 'r2', phase: 'failed' });
    consent.dismiss();
    assert.equal(consent.getSnapshot().snapshot, null);
    consent.close();
  });

  it('the call ends while the picture is being taken: the late result shows nothing', async () => {
    const { server, kiosk } = await kioskInCall();
    server.handle('answerSnapshot', () => null);
    let finish: (ok: boolean) => void = () => undefined;
    const consent = consentOn(kiosk, () => new Promise<boolean>((resolve) => (finish = resolve)));
    server.home.push('snapshotRequested', { consultationId: 's1', requestId: 'r1' });
    const answered = consent.answer(true);
    await until(() => server.home.count('answerSnapshot') === 1, 'answer sent');
    await settle();
    consent.reset();
    finish(true);
    await answered;
    assert.equal(consent.getSnapshot().snapshot, null);
    consent.close();
  });
});
