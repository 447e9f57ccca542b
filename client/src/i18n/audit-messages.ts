import type { AuditAction, AuditEntry } from '@madoguchi/contract/audit';
import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/audit.json';
import ja from './ja/audit.json';
import { pick } from './language';

export interface AuditMessages {
  heading: string;
  action: string;
  all: string;
  apply: string;
  caption: string;
  columns: { at: string; actor: string; action: string; target: string; details: string };
  actorKind: Record<AuditEntry['actorKind'], string>;
  actions: Record<AuditAction, string>;
  empty: string;
}

/** The words are in `ja/audit.json` and `en/audit.json`. */
export const auditMessages: AuditMessages = pick(sameKeysAsJapanese({ ja, en }));
