import { createHash } from 'node:crypto';

// Only hashes are stored: a leaked table gives no code that still works.
export const hashPairingCode = (code: string): string => createHash('sha256').update(`pairing:${code}`).digest('hex');
export const hashInstallerCode = (code: string): string => createHash('sha256').update(`installer:${code}`).digest('hex');
