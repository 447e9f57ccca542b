import type { CaptionLine } from '@madoguchi/contract/captions';
import type { TestSocket } from './socket-client';

/**
 * Resolves with the first caption line the socket receives that passes `accept`. On a timeout it
 * fails listing every line it saw: a recogniser that heard something else is told apart from
 * one that said nothing.
 */
export function lineWhere(socket: TestSocket, what: string, accept: (line: CaptionLine) => boolean, timeoutMs = 60_000): Promise<CaptionLine> {
  const seen: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('captionLine', on);
      reject(new Error(`no ${what} within ${timeoutMs} ms; lines seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const on = (line: CaptionLine): void => {
      seen.push(`${line.source} ${line.final ? 'final' : 'partial'}: ${line.text}`);
      if (!accept(line)) return;
      clearTimeout(timer);
      socket.off('captionLine', on);
      resolve(line);
    };
    socket.on('captionLine', on);
  });
}
