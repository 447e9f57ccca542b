import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportMissingFaceDevices, type FaceDeviceCall } from '@madoguchi/call-core/face-device-report';

/** A local track as the page sees it: stop() ends it quietly; an unplugged device ends it with an `ended` event. */
class Track extends EventTarget {
  readyState: 'live' | 'ended' = 'live';
  constructor(readonly kind: 'audio' | 'video') {
    super();
  }
  stop(): void {
    this.readyState = 'ended';
  }
  unplug(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

function stream(...tracks: Track[]): MediaStream {
  return { getTracks: () => tracks } as unknown as MediaStream;
}

/** The few parts of the kiosk's call client the reporter uses. */
function fakeCall() {
  const listeners = new Set<() => void>();
  const sent: { consultationId: string; device: string }[] = [];
  let snapshot = { call: null as { consultationId: string } | null, callState: 'idle', localStream: null as MediaStream | null };
  const client = {
    getSnapshot: () => snapshot,
    on: (_event: 'changed', listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const send = async (consultationId: string, device: string): Promise<null> => {
    sent.push({ consultationId, device });
    return null;
  };
  const set = (changes: Partial<typeof snapshot>): void => {
    snapshot = { ...snapshot, ...changes };
    for (const listener of listeners) listener();
  };
  return { client: client as unknown as FaceDeviceCall, send, sent, set };
}

describe('a side (kiosk or desk) tells the other which face device is missing from the call', () => {
  it('a call with no camera: reported once the call is answered, once only; nothing while waiting', () => {
    const { client, send, sent, set } = fakeCall();
    reportMissingFaceDevices(client, send);
    set({ call: { consultationId: 'c1' }, callState: 'calling', localStream: stream(new Track('audio')) });
    assert.deepEqual(sent, [], 'the media may still be opening while waiting');
    set({ callState: 'inCall' });
    set({ callState: 'inCall' });
    assert.deepEqual(sent, [{ consultationId: 'c1', device: 'camera' }]);
  });

  it('a camera unplugged mid-call is reported; tracks the page stops at hang-up are not', () => {
    const { client, send, sent, set } = fakeCall();
    reportMissingFaceDevices(client, send);
    const camera = new Track('video');
    const microphone = new Track('audio');
    set({ call: { consultationId: 'c1' }, callState: 'inCall', localStream: stream(camera, microphone) });
    assert.deepEqual(sent, []);
    camera.unplug();
    assert.deepEqual(sent, [{ consultationId: 'c1', device: 'camera' }]);
    microphone.stop();
    set({ callState: 'inCall' });
    assert.deepEqual(sent, [{ consultationId: 'c1', device: 'camera' }], 'a stop() by the page is not a missing device');
  });

  it('no camera and no microphone at all: both; the next call is reported afresh', () => {
    const { client, send, sent, set } = fakeCall();
    reportMissingFaceDevices(client, send);
    set({ call: { consultationId: 'c1' }, callState: 'inCall', localStream: null });
    set({ call: { consultationId: 'c2' }, callState: 'inCall', localStream: stream(new Track('video')) });
    assert.deepEqual(sent, [
      { consultationId: 'c1', device: 'camera' },
      { consultationId: 'c1', device: 'microphone' },
      { consultationId: 'c2', device: 'microphone' },
    ]);
  });
});
