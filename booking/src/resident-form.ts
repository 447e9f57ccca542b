import type { AppointmentNeeds } from '@madoguchi/contract/appointments';
import type { Language } from '@madoguchi/contract/languages';
import { h } from './dom';
import { LANGUAGE_CHOICES, type BookingMessages } from './messages';

export interface ResidentFields {
  residentName: string;
  residentKana: string;
  email: string;
  phone: string;
  preferredLanguage: Language;
  needs: AppointmentNeeds;
}

// The same rules the server's schema applies (server/src/contract/booking.ts); checked here first so the resident sees them at once.
const KANA = /^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s]+$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9()\- ]{0,20}$/;

/** Name, kana, contact, language and needs, each with a visible label and its own error message. */
export function residentForm(options: { t: BookingMessages; language: Language; initial?: ResidentFields | undefined; onSubmit: (fields: ResidentFields) => void }): HTMLFormElement {
  const { t, initial } = options;
  const field = (id: string, text: string, input: HTMLInputElement | HTMLSelectElement, hint?: string) => {
    const error = h('p', { class: 'field__error', id: `${id}-error` });
    input.id = id;
    input.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
    return {
      node: h('div', { class: 'field' }, h('label', { for: id }, text), hint ? h('p', { class: 'field__hint', id: `${id}-hint` }, hint) : null, input, error),
      setError: (message: string) => {
        error.textContent = message;
        input.setAttribute('aria-invalid', message ? 'true' : 'false');
      },
    };
  };
  const name = h('input', { type: 'text', autocomplete: 'name', required: true, maxlength: 60, value: initial?.residentName ?? '' });
  const kana = h('input', { type: 'text', required: true, maxlength: 60, value: initial?.residentKana ?? '' });
  const email = h('input', { type: 'email', autocomplete: 'email', inputmode: 'email', required: true, maxlength: 254, value: initial?.email ?? '' });
  const phone = h('input', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 20, value: initial?.phone ?? '' });
  const language = h('select', {});
  for (const c of LANGUAGE_CHOICES) {
    const option = h('option', { value: c.language, lang: c.htmlLang }, c.label);
    option.selected = c.language === (initial?.preferredLanguage ?? options.language);
    language.append(option);
  }
  const fields = {
    name: field('resident-name', t.name, name),
    kana: field('resident-kana', t.kana, kana),
    email: field('resident-email', t.email, email, t.emailHint),
    phone: field('resident-phone', `${t.phone}（${t.optional}）`, phone),
    language: field('resident-language', t.preferredLanguage, language),
  };
  const check = (id: string, text: string, checked: boolean) => {
    const box = h('input', { type: 'checkbox', id });
    box.checked = checked;
    return { box, node: h('label', { class: 'check', for: id }, box, text) };
  };
  const needs = initial?.needs;
  const interpreter = check('need-interpreter', t.interpreter, needs?.interpreter ?? false);
  const hearing = check('need-hearing', t.hearing, needs?.hearingSupport ?? false);
  const wheelchair = check('need-wheelchair', t.wheelchair, needs?.wheelchair ?? false);
  const other = h('input', { type: 'text', id: 'need-other', maxlength: 200, value: needs?.other ?? '' });

  const form = h(
    'form',
    { novalidate: true, class: 'form' },
    fields.name.node,
    fields.kana.node,
    fields.email.node,
    fields.phone.node,
    fields.language.node,
    h('fieldset', { class: 'needs' }, h('legend', {}, t.needs), interpreter.node, hearing.node, wheelchair.node, h('label', { for: 'need-other' }, `${t.other}（${t.optional}）`), other),
    h('button', { type: 'submit', class: 'primary' }, t.next),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems: [keyof typeof fields, string][] = [
      ['name', name.value.trim() ? '' : t.errors.required],
      ['kana', !kana.value.trim() ? t.errors.required : KANA.test(kana.value.trim()) ? '' : t.errors.kana],
      ['email', EMAIL.test(email.value.trim()) ? '' : t.errors.email],
      ['phone', PHONE.test(phone.value.trim()) ? '' : t.errors.phone],
    ];
    for (const [key, message] of problems) fields[key].setError(message);
    const first = problems.find(([, message]) => message);
    if (first) {
      (form.querySelector(`#${fields[first[0]].node.querySelector('input')?.id ?? ''}`) as HTMLInputElement | null)?.focus();
      return;
    }
    options.onSubmit({
      residentName: name.value.trim(),
      residentKana: kana.value.trim(),
      email: email.value.trim(),
      phone: phone.value.trim(),
      preferredLanguage: language.value as Language,
      needs: { interpreter: interpreter.box.checked, hearingSupport: hearing.box.checked, wheelchair: wheelchair.box.checked, other: other.value.trim() },
    });
  });
  return form;
}
