import type { KioskStatus } from '@madoguchi/contract/kiosks';
import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/operations.json';
import ja from './ja/operations.json';
import { localized } from './language';

export interface OperationsMessages {
  heading: string;
  lead: string;
  updated: (time: string) => string;
  kiosks: { heading: string; name: string; place: string; status: string; heartbeat: string; never: string; summary: (online: number, total: number) => string };
  status: Record<KioskStatus, string>;
  minutes: (n: number) => string;
  live: { heading: string; kiosk: string; department: string; state: string; staff: string; since: string; quality: string; none: string; queued: string; active: string; general: string };
  server: {
    heading: string;
    node: (nodeId: string, self: boolean) => string;
    missing: string;
    worker: string;
    rooms: string;
    peers: string;
    cpu: string;
    memory: string;
    media: (t: number, p: number, c: number) => string;
  };
}

/** The words are in `ja/operations.json` and `en/operations.json`. */
export const operationsMessages: OperationsMessages = localized<OperationsMessages>(sameKeysAsJapanese({ ja, en }), {
  updated: ['time'],
  kiosks: { summary: ['online', 'total'] },
  minutes: ['minutes'],
  server: {
    node: (text: { text: string; self: string }, nodeId, self) => fill(text.text, { nodeId, self: self ? text.self : '' }),
    media: ['transports', 'producers', 'consumers'],
  },
});
