import type { Device } from 'mediasoup-client';
import type { RtpCapabilitiesJson } from '@madoguchi/contract/media-types';
import { loadMediasoupClient } from './load-mediasoup-client';
import { toRtpCapabilities } from './media-json';

/**
 * The mediasoup Device, loaded once per page: fetching mediasoup-client and probing the
 * browser's codecs (a throw-away RTCPeerConnection) are the heaviest script work of a call
 * app. A failed load is forgotten so that the next call tries again.
 */
export class DeviceLoader {
  private readonly createDevice: () => Promise<Device>;
  private loading: Promise<Device> | null = null;

  constructor(createDevice?: () => Promise<Device>) {
    this.createDevice = createDevice ?? (async () => (await loadMediasoupClient()).Device.factory());
  }

  load(routerRtpCapabilities: RtpCapabilitiesJson): Promise<Device> {
    this.loading ??= (async () => {
      const device = await this.createDevice();
      if (!device.loaded) await device.load({ routerRtpCapabilities: toRtpCapabilities(routerRtpCapabilities) });
      return device;
    })().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }
}
