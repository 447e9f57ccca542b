/**
 * SRTP (RFC 3711) with AES_CM_128_HMAC_SHA1_80, RTP only, for the load generator and the sink.
 * Key derivation rate 0, no MKI. Per packet the cost is what Node's crypto charges for one
 * HMAC; the AES counter-mode keystream of a whole frame is made in one ECB call.
 */
import { createCipheriv, createHmac, randomBytes, timingSafeEqual, type Cipher } from 'node:crypto';

const MASTER_KEY_LENGTH = 16;
const MASTER_SALT_LENGTH = 14;
export const SRTP_AUTH_TAG_LENGTH = 10;
const RTP_HEADER_LENGTH = 12;

const enum Label {
  RtpEncryption = 0,
  RtpAuthentication = 1,
  RtpSalt = 2,
}

/** Offset of the payload: fixed header, CSRCs and the header extension if present. */
export function rtpPayloadOffset(packet: Buffer): number {
  const first = packet[0] ?? 0;
  let offset = RTP_HEADER_LENGTH + 4 * (first & 0x0f);
  if (first & 0x10) offset += 4 + 4 * packet.readUInt16BE(offset + 2);
  return offset;
}

export class SrtpSession {
  private readonly ecb: Cipher;
  private readonly authKey: Buffer;
  private readonly salt: Buffer;
  private readonly rocBuffer = Buffer.alloc(4);

  private constructor(masterKey: Buffer, masterSalt: Buffer) {
    const derive = (label: Label, length: number): Buffer => {
      const iv = Buffer.alloc(16);
      masterSalt.copy(iv);
      // key_id = label || r (48 bits, r = 0 with a derivation rate of 0), right-aligned on the salt.
      iv[7] = (iv[7] ?? 0) ^ label;
      return SrtpSession.keystream(masterKey, iv, length);
    };
    this.ecb = ecbCipher(derive(Label.RtpEncryption, 16));
    this.authKey = derive(Label.RtpAuthentication, 20);
    this.salt = derive(Label.RtpSalt, 14);
  }

  /** A fresh master key and salt, as mediasoup's `keyBase64`. */
  static generateKeyBase64(): string {
    return randomBytes(MASTER_KEY_LENGTH + MASTER_SALT_LENGTH).toString('base64');
  }

  static fromKeyBase64(keyBase64: string): SrtpSession {
    const material = Buffer.from(keyBase64, 'base64');
    if (material.length !== MASTER_KEY_LENGTH + MASTER_SALT_LENGTH) {
      throw new TypeError(`SRTP key material must be 30 bytes, got ${material.length}`);
    }
    return new SrtpSession(material.subarray(0, MASTER_KEY_LENGTH), material.subarray(MASTER_KEY_LENGTH));
  }

  /**
   * Encrypts and authenticates packets of one SSRC in place. Each buffer holds the RTP packet
   * followed by SRTP_AUTH_TAG_LENGTH spare bytes that receive the tag; `indexes[i]` is the
   * packet's 48-bit index (rollover counter * 65536 + sequence number).
   */
  protect(packets: Buffer[], indexes: number[]): void {
    const offsets = packets.map(rtpPayloadOffset);
    const lengths = packets.map((packet, i) => packet.length - SRTP_AUTH_TAG_LENGTH - (offsets[i] ?? 0));
    const keystream = this.keystreams(packets, indexes, lengths);
    let position = 0;
    packets.forEach((packet, i) => {
      const offset = offsets[i] ?? 0;
      const length = lengths[i] ?? 0;
      xorInto(packet, offset, keystream, position, length);
      position += Math.ceil(length / 16) * 16;
      const body = packet.subarray(0, packet.length - SRTP_AUTH_TAG_LENGTH);
      this.tag(body, Math.floor((indexes[i] ?? 0) / 65536)).copy(packet, body.length, 0, SRTP_AUTH_TAG_LENGTH);
    });
  }

  /** Checks the tag and decrypts the payload in place; false when the tag does not match. */
  unprotect(packet: Buffer, index: number): boolean {
    const bodyLength = packet.length - SRTP_AUTH_TAG_LENGTH;
    if (bodyLength < RTP_HEADER_LENGTH) return false;
    const body = packet.subarray(0, bodyLength);
    const expected = this.tag(body, Math.floor(index / 65536)).subarray(0, SRTP_AUTH_TAG_LENGTH);
    if (!timingSafeEqual(expected, packet.subarray(bodyLength))) return false;
    const offset = rtpPayloadOffset(packet);
    const length = bodyLength - offset;
    xorInto(packet, offset, this.keystreams([packet], [index], [length]), 0, length);
    return true;
  }

  private tag(body: Buffer, roc: number): Buffer {
    this.rocBuffer.writeUInt32BE(roc >>> 0);
    return createHmac('sha1', this.authKey).update(body).update(this.rocBuffer).digest();
  }

  /** Counter blocks of every packet, back to back, encrypted in one call. */
  private keystreams(packets: Buffer[], indexes: number[], lengths: number[]): Buffer {
    let blocks = 0;
    for (const length of lengths) blocks += Math.ceil(length / 16);
    const counters = Buffer.alloc(blocks * 16);
    let block = 0;
    packets.forEach((packet, i) => {
      // IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16); the block counter fills the low 16 bits.
      const iv = Buffer.alloc(16);
      this.salt.copy(iv);
      iv.writeUInt32BE((iv.readUInt32BE(4) ^ packet.readUInt32BE(8)) >>> 0, 4);
      const index = indexes[i] ?? 0;
      iv.writeUInt32BE((iv.readUInt32BE(8) ^ Math.floor(index / 65536)) >>> 0, 8);
      iv.writeUInt16BE(iv.readUInt16BE(12) ^ (index & 0xffff), 12);
      const count = Math.ceil((lengths[i] ?? 0) / 16);
      for (let j = 0; j < count; j += 1, block += 1) {
        iv.copy(counters, block * 16);
        counters.writeUInt16BE(j, block * 16 + 14);
      }
    });
    return this.ecb.update(counters);
  }

  private static keystream(key: Buffer, iv: Buffer, length: number): Buffer {
    const counters = Buffer.alloc(Math.ceil(length / 16) * 16);
    for (let j = 0; j < counters.length / 16; j += 1) {
      iv.copy(counters, j * 16);
      counters.writeUInt16BE(j, j * 16 + 14);
    }
    return ecbCipher(key).update(counters).subarray(0, length);
  }
}

function ecbCipher(key: Buffer): Cipher {
  // ECB over counter blocks is counter mode with IVs we choose per packet; the cipher object
  // keeps no state between update() calls, so one per session serves every packet.
  const cipher = createCipheriv('aes-128-ecb', key, null);
  cipher.setAutoPadding(false);
  return cipher;
}

function xorInto(target: Buffer, offset: number, keystream: Buffer, keyOffset: number, length: number): void {
  for (let i = 0; i < length; i += 1) {
    target[offset + i] = (target[offset + i] ?? 0) ^ (keystream[keyOffset + i] ?? 0);
  }
}
