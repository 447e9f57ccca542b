import os from 'node:os';

/**
 * Page scripts for the staff console's layout checks, shared by the Chromium (playwright-core)
 * and Firefox (puppeteer-core) runs. Plain JavaScript strings: tsx's keepNames helpers do not
 * exist inside the page, and both drivers evaluate a string the same way.
 */

/** The staff PC the issue was reported from. */
export const STAFF_VIEWPORT = { width: 1366, height: 768 } as const;

export interface ConsoleLayout {
  viewportHeight: number;
  /** The page's full height: more than the viewport means the desk must scroll. */
  scrollHeight: number;
  scrollWidth: number;
  /** Bottom edge of 通話を終了, or null when it is not on the page. */
  hangUpBottom: number | null;
  /** How far 送信 sticks out of its chat column (0 when it fits), null when absent. */
  sendOverflow: number | null;
  sendRight: number | null;
  below: string[];
}

export const MEASURE_CONSOLE = `
  (() => {
    const byText = (selector, text) => [...document.querySelectorAll(selector)].find((el) => el.textContent.trim() === text) || null;
    const hangUp = byText('button', '通話を終了');
    const send = byText('.chat button', '送信');
    const chat = document.querySelector('.chat');
    const sendBox = send ? send.getBoundingClientRect() : null;
    const chatBox = chat ? chat.getBoundingClientRect() : null;
    return {
      viewportHeight: window.innerHeight,
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      hangUpBottom: hangUp ? Math.round(hangUp.getBoundingClientRect().bottom) : null,
      sendOverflow: sendBox && chatBox ? Math.max(0, Math.round(sendBox.right - chatBox.right)) : null,
      sendRight: sendBox ? Math.round(sendBox.right) : null,
      // Named in a failure message: what reaches below the screen.
      below: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().bottom > window.innerHeight + 1 && el.getClientRects().length > 0 && !el.closest('.call__side'))
        .slice(0, 4)
        .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + '@' + Math.round(el.getBoundingClientRect().bottom)),
    };
  })()
`;

/** Clicks the enabled button whose whole text is `text`; true if one was found. */
export const clickButton = (text: string): string => `
  (() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)} && !b.disabled);
    if (button) button.click();
    return Boolean(button);
  })()
`;

/** True when the rendered page text contains `text`. */
export const showsText = (text: string): string => `document.body.innerText.includes(${JSON.stringify(text)})`;

/** Video frames decoded by the page over every RTCPeerConnection it made. */
export const DECODED_VIDEO_FRAMES = `
  (async () => {
    let frames = 0;
    for (const pc of window.__peerConnections || []) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((r) => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded || 0; });
    }
    return frames;
  })()
`;

/**
 * The host's own non-loopback IPv4 address (what `hostname -I` prints first): Firefox gathers
 * no 127.0.0.1 ICE candidate, so media must listen where Firefox looks. Traffic stays on this host.
 */
export function hostAddress(): string | null {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return null;
}
