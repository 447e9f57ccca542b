import type { MediaPathResult } from './media-check';

export type CheckStatus = 'pending' | 'ok' | 'failed';

export interface CheckResults {
  camera: CheckStatus;
  microphone: CheckStatus;
  /** Only the person at the PC can tell; pending until they say. */
  speaker: CheckStatus;
  udp: MediaPathResult | null;
  tcp: MediaPathResult | null;
}

export type VerdictLine = 'allGood' | 'tcpOnly' | 'noMedia' | 'noCamera' | 'noMicrophone' | 'noSpeaker';

/**
 * The plain verdict: what does not work, most serious first. UDP failing with TCP working is a
 * warning (calls run, over TCP); neither working means no calls at all.
 */
export function verdictOf(results: CheckResults): VerdictLine[] {
  const lines: VerdictLine[] = [];
  const udp = results.udp?.ok === true;
  const tcp = results.tcp?.ok === true;
  if (results.udp && results.tcp && !udp && !tcp) lines.push('noMedia');
  else if (results.udp && results.tcp && !udp && tcp) lines.push('tcpOnly');
  if (results.camera === 'failed') lines.push('noCamera');
  if (results.microphone === 'failed') lines.push('noMicrophone');
  if (results.speaker === 'failed') lines.push('noSpeaker');
  const complete = results.udp !== null && results.tcp !== null && results.camera !== 'pending' && results.microphone !== 'pending';
  if (lines.length === 0 && complete && udp) lines.push('allGood');
  return lines;
}
