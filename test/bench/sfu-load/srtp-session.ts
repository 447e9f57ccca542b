/**
 * SRTP (RFC 3711) with AES_CM_128_HMAC_SHA1_80, RTP only, for the load generator and the sink.
 * Key derivation rate 0, no MKI. Built for cost per packet: the AES counter-mode keystream of a
 * whole frame comes from one ECB call, and the HMAC from two one-shot hashes. mediasoup checks
 * what the generator protects and the sink checks what mediasoup protects, so a mistake here
 * shows up as silent consumers or failed checks, never as figures.
 */
import { createCipheriv, hash, randomBytes, timingSafeEqual, type Cipher } from 'node:crypto';
import { endianness } from 'node:os';

const MASTER_KEY_LENGTH = 16;
const MASTER_SALT_LENGTH = 14;
export const SRTP_AUTH_TAG_LENGTH = 10;
const RTP_HEADER_LENGTH = 12;

/** Key derivation labels (RFC 3711 section 4.3.2). */
const LABEL_RTP_ENCRYPTION = 0;
const LABEL_RTP_AUTHENTICATION = 1;
const LABEL_RTP_SALT = 2;

/** Offset of the payload: fixed header, CSRCs and the header extension if present. */
export function rtpPayloadOffset(packet: Buffer): number {
  const first = packet[0] ?? 0;
  let offset = RTP_HEADER_LENGTH + 4 * (first & 0x0f);
  if (first & 0x10) offset += 4 + 4 * packet.readUInt16BE(offset + 2);
  return offset;
}

export class SrtpSession {
  private readonly ecb: Cipher;
  private readonly salt: Buffer;
  /** HMAC-SHA1 by hand: (key ^ ipad) || message || ROC, then (key ^ opad) || inner digest. */
  private innerInput = Buffer.alloc(64 + 1500);
  private readonly outerInput = Buffer.alloc(64 + 20);
  private readonly iv = Buffer.alloc(16);
  /** Counter blocks are written here; reused, since an allocation per packet is measurable. */
  private scratch = new Uint32Array(4 * 1024);

  private constructor(masterKey: Buffer, masterSalt: Buffer) {
    if (endianness() !== 'LE') throw new Error('the SRTP keystream code assumes a little-endian host');
    const derive = (label: number, length: number): Buffer => {
      const iv = Buffer.alloc(16);
      masterSalt.copy(iv);
      // key_id = label || r (48 bits, r = 0 with a derivation rate of 0), right-aligned on the salt.
      iv[7] = (iv[7] ?? 0) ^ label;
      return SrtpSession.keystream(masterKey, iv, length);
    };
    this.ecb = ecbCipher(derive(LABEL_RTP_ENCRYPTION, 16));
    const authKey = derive(LABEL_RTP_AUTHENTICATION, 20);
    this.salt = derive(LABEL_RTP_SALT, 14);
    this.innerInput.fill(0x36, 0, 64);
    this.outerInput.fill(0x5c, 0, 64);
    for (let i = 0; i < authKey.length; i += 1) {
      this.innerInput[i] = (this.innerInput[i] ?? 0) ^ (authKey[i] ?? 0);
      this.outerInput[i] = (this.outerInput[i] ?? 0) ^ (authKey[i] ?? 0);
    }
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

  /**
   * Two one-shot hashes over reused buffers instead of createHmac(): the HMAC object costs more
   * than hashing a 1,200-byte packet, and the generator tags every packet it sends.
   */
  private tag(body: Buffer, roc: number): Buffer {
    const length = 64 + body.length + 4;
    if (this.innerInput.length < length) {
      const larger = Buffer.alloc(length * 2);
      this.innerInput.copy(larger, 0, 0, 64);
      this.innerInput = larger;
    }
    body.copy(this.innerInput, 64);
    this.innerInput.writeUInt32BE(roc >>> 0, 64 + body.length);
    hash('sha1', this.innerInput.subarray(0, length), 'buffer').copy(this.outerInput, 64);
    return hash('sha1', this.outerInput, 'buffer');
  }

  /** Counter blocks of every packet, back to back, encrypted in one call. */
  private keystreams(packets: Buffer[], indexes: number[], lengths: number[]): Buffer {
    let blocks = 0;
    for (const length of lengths) blocks += Math.ceil(length / 16);
    // Written as 32-bit words (little-endian host): one Buffer call per block costs more than
    // the AES itself.
    if (this.scratch.length < blocks * 4) this.scratch = new Uint32Array(blocks * 8);
    const words = this.scratch;
    const iv = this.iv;
    let word = 0;
    packets.forEach((packet, i) => {
      // IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16); the block counter fills the low 16 bits.
      const index = indexes[i] ?? 0;
      this.salt.copy(iv);
      iv.writeUInt32BE((iv.readUInt32BE(4) ^ packet.readUInt32BE(8)) >>> 0, 4);
      iv.writeUInt32BE((iv.readUInt32BE(8) ^ Math.floor(index / 65536)) >>> 0, 8);
      iv.writeUInt16BE(iv.readUInt16BE(12) ^ (index & 0xffff), 12);
      const w0 = iv.readUInt32LE(0);
      const w1 = iv.readUInt32LE(4);
      const w2 = iv.readUInt32LE(8);
      const w3 = iv.readUInt16LE(12);
      const count = Math.ceil((lengths[i] ?? 0) / 16);
      for (let j = 0; j < count; j += 1) {
        words[word] = w0;
        words[word + 1] = w1;
        words[word + 2] = w2;
        words[word + 3] = (w3 | ((j >>> 8) << 16) | ((j & 0xff) << 24)) >>> 0;
        word += 4;
      }
    });
    return this.ecb.update(new Uint8Array(words.buffer, 0, blocks * 16));
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
  let done = 0;
  const targetStart = target.byteOffset + offset;
  const keyStart = keystream.byteOffset + keyOffset;
  // Word at a time when both sides are 4-byte aligned (pooled buffers are, and RTP payloads sit
  // at multiples of 4): a third of the byte loop's cost per packet.
  if ((targetStart & 3) === 0 && (keyStart & 3) === 0) {
    const words = length >>> 2;
    const targetWords = new Int32Array(target.buffer, targetStart, words);
    const keyWords = new Int32Array(keystream.buffer, keyStart, words);
    for (let i = 0; i < words; i += 1) targetWords[i] = (targetWords[i] ?? 0) ^ (keyWords[i] ?? 0);
    done = words << 2;
  }
  for (let i = done; i < length; i += 1) {
    target[offset + i] = (target[offset + i] ?? 0) ^ (keystream[keyOffset + i] ?? 0);
  }
}
