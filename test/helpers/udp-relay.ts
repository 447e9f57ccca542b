import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';

/**
 * A UDP relay in front of the SFU's media port, so a test can cut the media path alone while
 * the signalling socket stays up (Chromium's offline mode cuts both). The SFU listens on
 * `target`, announces the relay's address in its ICE candidates, and the relay forwards each
 * browser's packets from a socket of its own, so replies find their way back.
 */
export interface UdpRelay {
  /** Drop everything in both directions until restore(). */
  cut(): void;
  restore(): void;
  /**
   * Pass ICE's STUN checks only and drop DTLS and media: a network where ICE over UDP connects
   * but nothing else gets through (a middlebox, a UDP filter by size), until restore().
   */
  passOnlyStun(): void;
  readonly counts: { forwarded: number; dropped: number };
  close(): Promise<void>;
}

/** A UDP port that is free on `host` now (and, in practice, a moment later). */
export async function freeUdpPort(host: string): Promise<number> {
  const probe = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => probe.bind(0, host, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function startUdpRelay(listen: { host: string; port: number }, target: { host: string; port: number }): Promise<UdpRelay> {
  const front = dgram.createSocket('udp4');
  const backs = new Map<string, dgram.Socket>();
  const counts = { forwarded: 0, dropped: 0 };
  let isCut = false;
  let stunOnly = false;
  // STUN: the two top bits of the first byte are zero and bytes 4-7 hold the magic cookie.
  const isStun = (message: Buffer): boolean => message.length >= 20 && message[0]! < 2 && message.readUInt32BE(4) === 0x2112a442;
  const blocked = (message: Buffer): boolean => isCut || (stunOnly && !isStun(message));

  const backFor = (address: string, port: number): dgram.Socket => {
    const key = `${address}:${port}`;
    let back = backs.get(key);
    if (!back) {
      const socket = dgram.createSocket('udp4');
      socket.bind(0, listen.host);
      socket.on('message', (message) => {
        if (blocked(message)) return void (counts.dropped += 1);
        counts.forwarded += 1;
        front.send(message, port, address);
      });
      backs.set(key, socket);
      back = socket;
    }
    return back;
  };

  front.on('message', (message, from) => {
    if (blocked(message)) return void (counts.dropped += 1);
    counts.forwarded += 1;
    backFor(from.address, from.port).send(message, target.port, target.host);
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.bind(listen.port, listen.host, () => resolve());
  });

  return {
    cut: () => void (isCut = true),
    restore: () => {
      isCut = false;
      stunOnly = false;
    },
    passOnlyStun: () => void (stunOnly = true),
    counts,
    async close() {
      await Promise.all([front, ...backs.values()].map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
    },
  };
}
