import type { types } from 'mediasoup-client';
import type {
  DtlsParametersJson,
  IceParametersJson,
  RtpCapabilitiesJson,
  RtpParametersJson,
  TransportOptions as WireTransportOptions,
} from '@madoguchi/contract/media-types';

/**
 * The contract carries mediasoup's structures as opaque JSON; mediasoup-client builds and
 * reads them. This module is the only place where one is treated as the other, so a change
 * of either side shows up here and nowhere else.
 */
function reinterpret<T>(value: unknown): T {
  return value as T;
}

export function toRtpCapabilities(json: RtpCapabilitiesJson): types.RtpCapabilities {
  return reinterpret(json);
}

export function toRtpParameters(json: RtpParametersJson): types.RtpParameters {
  return reinterpret(json);
}

export function toIceParameters(json: IceParametersJson): types.IceParameters {
  return reinterpret(json);
}

export function toTransportOptions(wire: WireTransportOptions): types.TransportOptions {
  return {
    id: wire.id,
    iceParameters: reinterpret(wire.iceParameters),
    iceCandidates: reinterpret(wire.iceCandidates),
    dtlsParameters: reinterpret(wire.dtlsParameters),
  };
}

export function fromRtpCapabilities(value: types.RtpCapabilities): RtpCapabilitiesJson {
  return reinterpret(value);
}

export function fromRtpParameters(value: types.RtpParameters): RtpParametersJson {
  return reinterpret(value);
}

export function fromDtlsParameters(value: types.DtlsParameters): DtlsParametersJson {
  return reinterpret(value);
}
