import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CallError } from '@madoguchi/call-core/call-error';
import { guestDeviceNotice } from '../../../../client/src/features/guest/guest-device-notice';

/** A local track as the page sees it (only what the notice reads). */
const track = (kind: 'audio' | 'video', readyState: 'live' | 'ended' = 'live') => ({ kind, readyState });
function stream(...tracks: ReturnType<typeof track>[]): MediaStream {
  return {
    getTracks: () => tracks,
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
  } as unknown as MediaStream;
}
/** What acquireLocalMedia reports when getUserMedia fails with `name` (the browser's DOMException). */
const refused = (name: string): CallError => CallError.media('no camera or microphone available', new DOMException('refused', name));

describe('the guest page says when the guest\'s own camera or microphone is missing, why and what to do', () => {
  it('camera and microphone refused in the browser: both missing, "allow them"', () => {
    assert.deepEqual(guestDeviceNotice(true, null, refused('NotAllowedError')), { missing: ['camera', 'microphone'], trouble: 'denied' });
  });

  it('no camera plugged in, the microphone works: the camera missing, "check it is connected"', () => {
    assert.deepEqual(guestDeviceNotice(true, stream(track('audio')), refused('NotFoundError')), { missing: ['camera'], trouble: 'notFound' });
  });

  it('a device that ended mid-call (unplugged, no error): "check it is connected, not used by another app"', () => {
    assert.deepEqual(guestDeviceNotice(true, stream(track('video', 'ended'), track('audio')), null), { missing: ['camera'], trouble: 'unusable' });
    assert.deepEqual(guestDeviceNotice(true, stream(track('video')), refused('NotReadableError')), { missing: ['microphone'], trouble: 'unusable' });
  });

  it('nothing when both work, and nothing before the guest is in the call (the media may still be opening)', () => {
    assert.equal(guestDeviceNotice(true, stream(track('video'), track('audio')), null), null);
    assert.equal(guestDeviceNotice(false, null, refused('NotAllowedError')), null);
  });

  it('an error that is not about the media does not pass for a refusal', () => {
    assert.deepEqual(guestDeviceNotice(true, null, CallError.timeout('joinRoom', new DOMException('x', 'NotAllowedError'))), { missing: ['camera', 'microphone'], trouble: 'unusable' });
  });
});
