import type { FreeTime, PublicBookingCreated, PublicBookingOptions, SlotTakenDetails } from '@madoguchi/contract/booking';
import type { Language } from '@madoguchi/contract/languages';
import { api, ApiError } from './api';
import { errorText } from './error-text';
import { h, show } from './dom';
import { formatDateTime, formatHours } from './format';
import { messagesFor, type BookingMessages } from './messages';
import { startManage } from './manage';
import { residentForm, type ResidentFields } from './resident-form';
import { solve } from './proof-of-work';
import { timePicker } from './time-picker';

interface Choice {
  departmentId?: string;
  topicId?: string;
  kioskId?: string;
  time?: FreeTime;
  resident?: ResidentFields;
  suggested?: FreeTime[];
}

const heading = (text: string, step?: string) => h('h2', {}, step ? h('span', { class: 'step' }, step) : null, text);
const back = (t: BookingMessages, to: () => void) => h('button', { type: 'button', class: 'secondary', onclick: to }, t.back);

/** department → topic → kiosk → day and time → name, kana, contact, language, needs → confirm → code, QR, link. */
export function startWizard(root: HTMLElement, language: Language): void {
  const t = messagesFor(language);
  const choice: Choice = {};
  let options: PublicBookingOptions;
  const alert = h('p', { role: 'alert', class: 'error' });
  const fail = (error: unknown) => {
    alert.textContent = errorText(error, t);
  };
  const screen = (...nodes: Node[]) => {
    alert.textContent = '';
    show(root, ...nodes, alert);
  };
  const department = () => options.departments.find((d) => d.id === choice.departmentId);
  const label = (item: { name: string; nameTranslations: Partial<Record<Language, string>> }) => item.nameTranslations[language] ?? item.name;
  const list = (...items: Node[]) => h('ul', { class: 'choices' }, ...items.map((item) => h('li', {}, item)));
  const choiceButton = (text: string, onclick: () => void, detail?: Node) => h('button', { type: 'button', class: 'choice', onclick }, h('span', { class: 'choice__title' }, text), detail ?? null);

  const stepDepartment = () => {
    if (options.departments.length === 0) return screen(heading(t.title), h('p', {}, t.nothingBookable));
    screen(
      h('p', { class: 'intro' }, t.intro),
      heading(t.steps.department, '1/6'),
      list(...options.departments.map((d) => choiceButton(label(d), () => ((choice.departmentId = d.id), stepTopic())))),
    );
  };
  const stepTopic = () =>
    screen(
      heading(t.steps.topic, '2/6'),
      list(...(department()?.topics ?? []).map((topic) => choiceButton(label(topic), () => ((choice.topicId = topic.id), stepKiosk())))),
      back(t, stepDepartment),
    );
  const stepKiosk = () =>
    screen(
      heading(t.steps.kiosk, '3/6'),
      list(
        ...options.kiosks.map((k) =>
          choiceButton(
            k.name,
            () => ((choice.kioskId = k.id), stepTime()),
            h('span', { class: 'choice__detail' }, [k.location, k.address].filter(Boolean).join(' · '), h('br'), `${t.hours}: ${formatHours(k.hours, language)}`),
          ),
        ),
      ),
      back(t, stepTopic),
    );
  const stepTime = () => {
    const target = { departmentId: choice.departmentId ?? '', topicId: choice.topicId ?? '', kioskId: choice.kioskId ?? '' };
    const suggested = choice.suggested;
    choice.suggested = undefined;
    screen(
      heading(t.steps.time, '4/6'),
      ...(suggested ? [h('p', {}, t.errors.slotTaken)] : []),
      timePicker({ target, language, t, suggested, onPick: (time) => ((choice.time = time), stepResident()), onError: fail }),
      back(t, stepKiosk),
    );
  };
  const stepResident = () =>
    screen(
      heading(t.steps.you, '5/6'),
      residentForm({ t, language, initial: choice.resident, onSubmit: (fields) => ((choice.resident = fields), stepConfirm()) }),
      back(t, stepTime),
    );
  const stepConfirm = () => {
    const kiosk = options.kiosks.find((k) => k.id === choice.kioskId);
    const topic = department()?.topics.find((x) => x.id === choice.topicId);
    const submit = h('button', { type: 'button', class: 'primary', onclick: () => void book(submit) }, t.book);
    screen(
      heading(t.steps.confirm, '6/6'),
      h(
        'dl',
        { class: 'summary' },
        h('dt', {}, t.when), h('dd', {}, choice.time ? formatDateTime(choice.time.startsAt, language) : ''),
        h('dt', {}, t.where), h('dd', {}, kiosk ? `${kiosk.name}（${kiosk.location}）` : ''),
        h('dt', {}, t.what), h('dd', {}, `${department() ? label(department()!) : ''} · ${topic ? label(topic) : ''}`),
        h('dt', {}, t.name), h('dd', {}, `${choice.resident?.residentName ?? ''}（${choice.resident?.residentKana ?? ''}）`),
        h('dt', {}, t.email), h('dd', {}, choice.resident?.email ?? ''),
      ),
      submit,
      back(t, stepResident),
    );
  };
  const book = async (button: HTMLButtonElement) => {
    if (!choice.time || !choice.resident) return;
    button.disabled = true;
    button.textContent = t.preparing;
    try {
      const challenge = await api.challenge();
      const solution = await solve(challenge.challenge, challenge.bits);
      const created = await api.create({
        departmentId: choice.departmentId ?? '',
        topicId: choice.topicId ?? '',
        kioskId: choice.kioskId ?? '',
        startsAt: choice.time.startsAt,
        ...choice.resident,
        challenge: challenge.challenge,
        solution,
      });
      done(created);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && (error.body?.details as SlotTakenDetails | undefined)?.reason === 'slot_taken') {
        choice.suggested = (error.body?.details as SlotTakenDetails).nextFreeTimes;
        stepTime();
        return;
      }
      button.disabled = false;
      button.textContent = t.book;
      fail(error);
    }
  };
  const done = (created: PublicBookingCreated) => {
    // The link page is the booking's home from now on: a reload shows it, not an empty form.
    history.replaceState(null, '', `#/b/${created.manageToken}`);
    startManage(root, created.manageToken, language, created.booking);
  };

  show(root, h('p', { 'aria-busy': 'true' }, '…'));
  api
    .options()
    .then((loaded) => {
      options = loaded;
      stepDepartment();
    })
    .catch((error: unknown) => {
      show(root, heading(t.title), alert);
      fail(error);
    });
}
