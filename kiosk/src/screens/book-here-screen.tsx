import { useCallback, useEffect, useReducer, useState } from 'react';
import type { FreeTime, FreeTimeDay } from '@madoguchi/contract/booking';
import { addDays, jstToday } from '@madoguchi/contract/japan-time';
import type { KioskBookingOffer } from '@madoguchi/contract/kiosk-booking';
import type { Language } from '@madoguchi/contract/languages';
import { BackButton } from '../components/back-button';
import { BigButton } from '../components/big-button';
import { ScreenFrame } from '../components/screen-frame';
import { bookHereReducer, firstStep, isFirstStep, type BookHereError } from '../visit/book-here-steps';
import { departmentLabel } from '../visit/department-label';
import { useMessages } from '../visit/use-messages';

/** Days the day step shows at once: a week, so a page of big buttons fits a 1280x800 screen. */
const WEEK = 7;

export interface BookHereScreenProps {
  offer: KioskBookingOffer;
  departmentName: string | null;
  language: Language;
  loadDays: (topicId: string, from: string) => Promise<FreeTimeDay[]>;
  submit: (topicId: string, startsAt: string) => Promise<{ taken: FreeTime[] } | { error: BookHereError } | null>;
  /** 「戻る」 on the first step. */
  onLeave: () => void;
}

const dayDate = (day: string): Date => new Date(`${day}T12:00:00+09:00`);

/**
 * 「この窓口で予約する」: a topic (when there are several), a day, a time, a last look, and the
 * booking is made. Only big buttons: no name, no keyboard. Every step has 「戻る」.
 */
export function BookHereScreen({ offer, departmentName, language, loadDays, submit, onLeave }: BookHereScreenProps) {
  const messages = useMessages();
  const texts = messages.bookHere;
  const topicIds = offer.topics.map((t) => t.id);
  const [step, dispatch] = useReducer(bookHereReducer, topicIds, firstStep);
  const [windowStart, setWindowStart] = useState(() => jstToday());
  const [days, setDays] = useState<FreeTimeDay[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const topicId = step.step === 'topic' ? null : step.topicId;
  const topic = offer.topics.find((t) => t.id === topicId) ?? null;

  const load = useCallback(() => {
    if (!topicId || step.step !== 'day') return () => undefined;
    let current = true;
    setDays(null);
    setLoadFailed(false);
    loadDays(topicId, windowStart).then(
      (loaded) => current && setDays(loaded),
      () => current && setLoadFailed(true),
    );
    return () => {
      current = false;
    };
    // step.step: reload when the resident comes back to the day step (a time may have gone meanwhile).
  }, [loadDays, topicId, windowStart, step.step]);
  useEffect(() => load(), [load]);

  const back = () => (isFirstStep(step, topicIds) ? onLeave() : dispatch({ type: 'back' }));
  const heading = [texts.title, departmentName, topic ? departmentLabel(topic, language) : null].filter(Boolean).join('　');
  const when = (time: FreeTime) => texts.when(messages.clock.date(new Date(time.startsAt)), messages.clock.time(new Date(time.startsAt)));
  const timeButtons = (times: readonly FreeTime[]) => (
    <div className="book-here__grid book-here__grid--times">
      {times.map((time) => (
        <BigButton key={time.startsAt} onClick={() => dispatch({ type: 'timeChosen', time })}>
          {step.step === 'taken' ? when(time) : messages.clock.time(new Date(time.startsAt))}
        </BigButton>
      ))}
    </div>
  );

  let body;
  switch (step.step) {
    case 'topic':
      body = (
        <>
          <h1 className="screen__title">{texts.topicTitle}</h1>
          <div className="book-here__grid">
            {offer.topics.map((t) => (
              <BigButton key={t.id} onClick={() => dispatch({ type: 'topicChosen', topicId: t.id })}>
                {departmentLabel(t, language)}
              </BigButton>
            ))}
          </div>
        </>
      );
      break;
    case 'day': {
      const open = (days ?? []).filter((d) => d.times.length > 0);
      const today = jstToday();
      body = (
        <>
          <h1 className="screen__title">{texts.dayTitle}</h1>
          <p className={`screen__lead${days !== null && open.length > 0 && !loadFailed ? ' book-here__lead--quiet' : ''}`} role="status">
            {loadFailed ? texts.loadFailed : days === null ? texts.loading : open.length === 0 ? texts.noDays : texts.dayLead}
          </p>
          {loadFailed ? (
            <BigButton onClick={() => load()}>{texts.retry}</BigButton>
          ) : (
            <div className="book-here__grid book-here__grid--days">
              {open.map((d) => (
                <BigButton key={d.day} onClick={() => dispatch({ type: 'dayChosen', day: d })}>
                  {messages.clock.date(dayDate(d.day))}
                </BigButton>
              ))}
            </div>
          )}
          <div className="book-here__paging">
            {windowStart > today ? (
              <BigButton variant="quiet" onClick={() => setWindowStart(addDays(windowStart, -WEEK) < today ? today : addDays(windowStart, -WEEK))}>
                {texts.earlierDays}
              </BigButton>
            ) : null}
            {days !== null && days.length > 0 ? (
              <BigButton variant="quiet" onClick={() => setWindowStart(addDays(windowStart, WEEK))}>
                {texts.laterDays}
              </BigButton>
            ) : null}
          </div>
        </>
      );
      break;
    }
    case 'time':
      body = (
        <>
          <h1 className="screen__title">{texts.timeTitle(messages.clock.date(dayDate(step.day.day)))}</h1>
          {timeButtons(step.day.times)}
        </>
      );
      break;
    case 'taken':
      body = (
        <>
          <h1 className="screen__title" role="alert">
            {step.nextFreeTimes.length > 0 ? texts.taken : texts.noneFree}
          </h1>
          {timeButtons(step.nextFreeTimes)}
        </>
      );
      break;
    case 'confirm':
      body = (
        <>
          <h1 className="screen__title">{texts.confirmTitle}</h1>
          <p className="book-here__when">{when(step.time)}</p>
          <p className="screen__lead">{texts.noTyping}</p>
          {step.error ? (
            <p className="screen__hint" role="alert">
              {texts[step.error]}
            </p>
          ) : null}
          <BigButton
            size="huge"
            disabled={step.submitting}
            onClick={() => {
              dispatch({ type: 'submitted' });
              void submit(step.topicId, step.time.startsAt).then((result) => {
                if (result === null) return;
                dispatch('taken' in result ? { type: 'taken', nextFreeTimes: result.taken } : { type: 'failed', error: result.error });
              });
            }}
          >
            {step.submitting ? texts.submitting : texts.confirm}
          </BigButton>
        </>
      );
      break;
  }

  return (
    <ScreenFrame name="book-here">
      <BackButton label={messages.back} onClick={back} disabled={step.step === 'confirm' && step.submitting} />
      <p className="book-here__context book-here__context--top">{heading}</p>
      {body}
    </ScreenFrame>
  );
}
