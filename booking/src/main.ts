import type { Language } from '@madoguchi/contract/languages';
import { h } from './dom';
import { LANGUAGE_CHOICES, messagesFor } from './messages';
import { startManage } from './manage';
import { releaseBanner } from './release-banner';
import { releaseWatch } from './release-watch';
import { startWizard } from './wizard';
import './styles.css';

const STORAGE_KEY = 'madoguchi-booking-language';

function initialLanguage(): Language {
  const fromQuery = new URLSearchParams(location.search).get('lang');
  const stored = localStorage.getItem(STORAGE_KEY);
  const browser = navigator.language.toLowerCase();
  const candidates = [fromQuery, stored, browser, browser.slice(0, 2)];
  for (const candidate of candidates) {
    const found = LANGUAGE_CHOICES.find((c) => c.language === candidate);
    if (found) return found.language;
  }
  return 'ja';
}

/** `#/b/<token>`: the private link to one booking (in the fragment, so it never reaches a server log). */
function tokenInHash(): string | null {
  const match = /^#\/b\/([A-Za-z0-9_-]{43})$/.exec(location.hash);
  return match?.[1] ?? null;
}

const main = document.getElementById('main');
const showReleaseBanner = main ? releaseBanner(releaseWatch, main) : () => undefined;

function render(language: Language): void {
  const t = messagesFor(language);
  const choice = LANGUAGE_CHOICES.find((c) => c.language === language);
  document.documentElement.lang = choice?.htmlLang ?? 'ja';
  document.title = t.title;
  const select = h('select', { id: 'language', onchange: (event) => switchTo((event.target as HTMLSelectElement).value as Language) });
  for (const c of LANGUAGE_CHOICES) {
    const option = h('option', { value: c.language, lang: c.htmlLang }, c.label);
    option.selected = c.language === language;
    select.append(option);
  }
  const header = document.getElementById('top');
  header?.replaceChildren(h('h1', {}, t.title), h('div', { class: 'language' }, h('label', { for: 'language' }, t.language), select));
  showReleaseBanner(t);
  const root = main;
  if (!root) return;
  const token = tokenInHash();
  if (token) startManage(root, token, language);
  else startWizard(root, language);
}

function switchTo(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  render(language);
}

window.addEventListener('hashchange', () => render(initialLanguage()));
render(initialLanguage());
