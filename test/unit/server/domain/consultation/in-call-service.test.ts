import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it, mock } from 'node:test';
import type { SnapshotInfo } from '@madoguchi/contract/signalling-events';
import { AppError } from '../../../../../server/src/domain/app-error';
import { InCallService } from '../../../../../server/src/domain/in-call-service';
import { KIOSK, STAFF_A, activeCall, useFakeClock, world, type World } from './consultation-fakes';

const codeOf = (error: unknown): string | undefined => (error instanceof AppError ? error.code : undefined);

/** The first bytes of a 640x480 PNG: enough for the size check. */
function png(width = 640, height = 480): Buffer {
  const bytes = Buffer.alloc(33);
  bytes.writeUInt32BE(0x89504e47, 0);
  bytes.writeUInt32BE(0x0d0a1a0a, 4);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'ascii');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}
const sha = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

/** An answered call (s1) on the fake node, with the in-call features on top of it. */
async function callWithExtras(): Promise<{ w: World; inCall: InCallService; consultationId: string; stored: SnapshotInfo[] }> {
  const w = world();
  const consultationId = await activeCall(w);
  const stored: SnapshotInfo[] = [];
  const service = new InCallService({
    consultations: w.service,
    notifier: { toPeers: (...args) => void w.notices.push({ kind: 'toPeers', args }) },
    consultationRecords: { findById: async () => null, recordQuality: async () => undefined },
    snapshots: {
      store: async (input) => {
        const info: SnapshotInfo = { ...input, snapshotId: `snap${stored.length + 1}`, takenAt: new Date().toISOString(), byteSize: input.content.length };
        stored.push(info);
        return info;
      },
    },
    phrases: { findById: async () => null },
  });
  return { w, inCall: service, consultationId, stored };
}

describe('InCallService on the fake node: the snapshot with consent', () => {
  useFakeClock();

  it('staff ask, the resident consents on the kiosk, the upload within two minutes is stored and shown to that desk', async () => {
    const { w, inCall, consultationId, stored } = await callWithExtras();
    const { requestId } = inCall.requestSnapshot(STAFF_A, consultationId);
    assert.deepEqual(w.of('toPeers').at(-1)?.slice(0, 2), [['kiosk:k1'], 'snapshotRequested']);
    inCall.answerSnapshot(KIOSK, consultationId, requestId, true);
    assert.deepEqual(w.of('toPeers').at(-1)?.slice(0, 2), [['staff:a'], 'snapshotAnswered']);
    mock.timers.tick(119_000);
    const body = png();
    const info = await inCall.storeSnapshot('k1', consultationId, { requestId, declaredSha256: sha(body), contentType: 'image/png', body });
    assert.deepEqual([info.width, info.height], [640, 480]);
    assert.equal(stored.length, 1);
    assert.deepEqual(w.of('toPeers').at(-1)?.slice(0, 2), [['staff:a'], 'snapshotStored']);
    // One consent, one picture.
    await assert.rejects(inCall.storeSnapshot('k1', consultationId, { requestId, declaredSha256: sha(body), contentType: 'image/png', body }), (e) => codeOf(e) === 'FORBIDDEN');
  });

  it('no upload without consent, after a refusal, after the two minutes, or from another kiosk', async () => {
    const { inCall, consultationId, stored } = await callWithExtras();
    const body = png();
    const upload = (requestId: string, kioskId = 'k1') => inCall.storeSnapshot(kioskId, consultationId, { requestId, declaredSha256: sha(body), contentType: 'image/png', body });
    const asked = inCall.requestSnapshot(STAFF_A, consultationId).requestId;
    await assert.rejects(upload(asked), (e) => codeOf(e) === 'FORBIDDEN');
    const refused = inCall.requestSnapshot(STAFF_A, consultationId).requestId;
    inCall.answerSnapshot(KIOSK, consultationId, refused, false);
    await assert.rejects(upload(refused), (e) => codeOf(e) === 'FORBIDDEN');
    const late = inCall.requestSnapshot(STAFF_A, consultationId).requestId;
    inCall.answerSnapshot(KIOSK, consultationId, late, true);
    mock.timers.tick(121_000);
    await assert.rejects(upload(late), (e) => codeOf(e) === 'FORBIDDEN');
    const other = inCall.requestSnapshot(STAFF_A, consultationId).requestId;
    inCall.answerSnapshot(KIOSK, consultationId, other, true);
    await assert.rejects(upload(other, 'k2'), (e) => codeOf(e) === 'FORBIDDEN');
    assert.equal(stored.length, 0);
  });

  it('only the kiosk of the call answers, once; the image must match its checksum and its type', async () => {
    const { inCall, consultationId } = await callWithExtras();
    const { requestId } = inCall.requestSnapshot(STAFF_A, consultationId);
    assert.throws(() => inCall.answerSnapshot(STAFF_A, consultationId, requestId, true), (e) => codeOf(e) === 'NOT_FOUND');
    assert.throws(() => inCall.answerSnapshot({ ...KIOSK, id: 'k2' }, consultationId, requestId, true), (e) => codeOf(e) === 'NOT_FOUND');
    inCall.answerSnapshot(KIOSK, consultationId, requestId, true);
    assert.throws(() => inCall.answerSnapshot(KIOSK, consultationId, requestId, false), (e) => codeOf(e) === 'NOT_FOUND');
    const body = png();
    await assert.rejects(inCall.storeSnapshot('k1', consultationId, { requestId, declaredSha256: sha(png(1, 1)), contentType: 'image/png', body }), (e) => codeOf(e) === 'BAD_REQUEST');
    await assert.rejects(inCall.storeSnapshot('k1', consultationId, { requestId, declaredSha256: sha(body), contentType: 'image/jpeg', body }), (e) => codeOf(e) === 'BAD_REQUEST');
  });

  it('the kiosk cannot ask for snapshots or point, and nobody can once the call has ended', async () => {
    const { w, inCall, consultationId } = await callWithExtras();
    assert.throws(() => inCall.requestSnapshot(KIOSK, consultationId), (e) => codeOf(e) === 'FORBIDDEN');
    assert.throws(() => inCall.pointer(KIOSK, consultationId, []), (e) => codeOf(e) === 'FORBIDDEN');
    await w.service.hangUp(STAFF_A, consultationId);
    assert.throws(() => inCall.requestSnapshot(STAFF_A, consultationId), (e) => codeOf(e) === 'NOT_FOUND');
    await assert.rejects(inCall.sendMessage(STAFF_A, consultationId, 'もしもし'), (e) => codeOf(e) === 'NOT_FOUND');
  });

  it('a message goes to the others in the call, not back to its sender, and the timeline keeps its length only', async () => {
    const { w, inCall, consultationId } = await callWithExtras();
    const message = await inCall.sendMessage(KIOSK, consultationId, '書類を見せます');
    assert.deepEqual(w.of('toPeers').at(-1)?.slice(0, 2), [['staff:a'], 'messageReceived']);
    assert.equal(message.from, 'kiosk');
    await new Promise((resolve) => setImmediate(resolve));
    const event = w.events.find((e) => e.type === 'message_sent');
    assert.deepEqual(event?.details, { length: 7 });
    await assert.rejects(inCall.sendMessage(KIOSK, consultationId, 'x', 'phrase-1'), (e) => codeOf(e) === 'FORBIDDEN');
  });
});
