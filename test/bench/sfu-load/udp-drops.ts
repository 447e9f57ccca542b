/**
 * Datagrams the kernel dropped because a socket's receive buffer was full, from /proc/net/udp.
 * Tells loss at the SFU's input sockets apart from loss at the sink's.
 */
import { readFileSync } from 'node:fs';

const LOOPBACK_HEX = '0100007F';

/** Drop counters of the sockets bound to 127.0.0.1, by local port (empty where /proc is missing). */
export function readUdpDrops(): Map<number, number> {
  const drops = new Map<number, number>();
  let table: string;
  try {
    table = readFileSync('/proc/net/udp', 'utf8');
  } catch {
    return drops;
  }
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [address, port] = (fields[1] ?? '').split(':');
    if (address !== LOOPBACK_HEX || !port) continue;
    drops.set(Number.parseInt(port, 16), Number(fields[fields.length - 1] ?? 0));
  }
  return drops;
}

/** Sum of the drop counters of `ports` that grew from `before` to `after`. */
export function dropsBetween(before: Map<number, number>, after: Map<number, number>, ports: Iterable<number>): number {
  let total = 0;
  for (const port of ports) total += (after.get(port) ?? 0) - (before.get(port) ?? 0);
  return total;
}
