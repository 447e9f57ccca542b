import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DeviceLoader } from '@madoguchi/call-core/device-loader';
import { DEFAULT_JOIN_TUNING, joinTuning } from '@madoguchi/call-core/join-tuning';
import type { RtpCapabilitiesJson } from '@madoguchi/contract/media-types';

const CAPABILITIES = { codecs: [], headerExtensions: [] } as unknown as RtpCapabilitiesJson;

describe('join-time switches (issue 16, item 1)', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'];
  });

  it('joinTuning() gives the defaults unless bench:join overrides some of them in the page', () => {
    assert.deepEqual(joinTuning(), DEFAULT_JOIN_TUNING);
    (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'] = { earlyMedia: !DEFAULT_JOIN_TUNING.earlyMedia };
    assert.deepEqual(joinTuning(), { ...DEFAULT_JOIN_TUNING, earlyMedia: !DEFAULT_JOIN_TUNING.earlyMedia });
  });
});

type Device = Awaited<ReturnType<NonNullable<ConstructorParameters<typeof DeviceLoader>[0]>>>;

describe('DeviceLoader', () => {
  const fakeDevice = (loads: string[]): Device =>
    ({
      loaded: false,
      async load() {
        loads.push('load');
        (this as { loaded: boolean }).loaded = true;
      },
    }) as unknown as Device;

  it('creates and loads the Device once, however many callers ask at the same time', async () => {
    const loads: string[] = [];
    let created = 0;
    const loader = new DeviceLoader(async () => {
      created += 1;
      return fakeDevice(loads);
    });
    const [a, b] = await Promise.all([loader.load(CAPABILITIES), loader.load(CAPABILITIES)]);
    assert.equal(a, b);
    assert.equal(await loader.load(CAPABILITIES), a);
    assert.equal(created, 1);
    assert.deepEqual(loads, ['load']);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let attempts = 0;
    const loader = new DeviceLoader(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk failed to load');
      return fakeDevice([]);
    });
    await assert.rejects(loader.load(CAPABILITIES), /chunk failed/);
    assert.ok(await loader.load(CAPABILITIES));
    assert.equal(attempts, 2);
  });
});
