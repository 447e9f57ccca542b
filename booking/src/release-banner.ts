import { h } from './dom';
import type { BookingMessages } from './messages';
import type { ReleaseWatch } from './release-watch';

/**
 * 「このページの新しい版があります」 between the header and the page, once the server has been
 * upgraded under an open booking page. Only a button: reloading clears what the resident typed,
 * so they choose when. The live region exists from the start, so filling it is announced.
 */
export function releaseBanner(watch: ReleaseWatch, before: HTMLElement): (t: BookingMessages) => void {
  const region = h('div', { class: 'release-banner', role: 'status' });
  before.before(region);
  let texts: BookingMessages | null = null;
  const update = () => {
    if (!texts || !watch.isNew()) {
      region.replaceChildren();
      return;
    }
    region.replaceChildren(h('p', {}, texts.newRelease.text), h('button', { type: 'button', class: 'secondary', onclick: () => location.reload() }, texts.newRelease.reload));
  };
  watch.onChange(update);
  // The page's language may change: the banner follows it.
  return (t) => {
    texts = t;
    update();
  };
}
