import { useEffect, useState } from 'react';
import { getBookingRules, updateBookingRules } from '../../api/settings-api';
import { useAction } from '../../hooks/use-action';
import { useApiData } from '../../hooks/use-api-data';
import { useDepartments, useKiosks } from '../../hooks/use-reference-data';
import { bookingRulesMessages as t } from '../../i18n/booking-rules-messages';
import { bodyOf, draftOf, WEEKDAYS, type BookingRulesDraft, type DraftProblem, type WeekText } from './booking-rules-form';
import { SettingsFormSection } from './settings-form-section';

function WeekFields({ idPrefix, week, onChange }: { idPrefix: string; week: WeekText; onChange: (week: WeekText) => void }) {
  return (
    <fieldset className="field week-hours">
      <legend className="field__label">{t.hours}</legend>
      <p className="field__hint">{t.hoursHint}</p>
      {WEEKDAYS.map((day) => (
        <div key={day} className="week-hours__day">
          <label htmlFor={`${idPrefix}-${day}`}>{t.weekdays[day - 1]}</label>
          <input id={`${idPrefix}-${day}`} type="text" inputMode="numeric" placeholder="09:00-12:00, 13:00-17:00" value={week[day] ?? ''} onChange={(e) => onChange({ ...week, [day]: e.currentTarget.value })} />
        </div>
      ))}
    </fieldset>
  );
}

/** 設定 → 予約枠: what residents may book on the booking page, and when. */
export function BookingRulesSection() {
  const loaded = useApiData(getBookingRules, 'booking-rules');
  const departments = useDepartments();
  const kiosks = useKiosks();
  const [draft, setDraft] = useState<BookingRulesDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();
  useEffect(() => {
    if (loaded.data && departments.data && kiosks.data) {
      setDraft(draftOf(loaded.data, departments.data.filter((d) => d.active).map((d) => d.id), kiosks.data.filter((k) => k.active).map((k) => k.id)));
    }
  }, [loaded.data, departments.data, kiosks.data]);

  const nameOf = (id: string) => departments.data?.find((d) => d.id === id)?.name ?? kiosks.data?.find((k) => k.id === id)?.name ?? id;
  const describe = (p: DraftProblem) =>
    p.kind === 'hours' ? t.badHours(nameOf(p.owner), t.weekdays[p.weekday - 1] ?? '') : p.kind === 'blockedDay' ? t.badBlockedDay(p.line) : t.badNumber;
  const save = async () => {
    if (!draft) return;
    setNotice(null);
    const built = bodyOf(draft);
    if ('problem' in built) {
      setProblem(describe(built.problem));
      return;
    }
    setProblem(null);
    const result = await action.perform((o) => updateBookingRules(built.body, o));
    if (result.ok && departments.data && kiosks.data) {
      setDraft(draftOf(result.value, Object.keys(draft.departments), Object.keys(draft.kiosks)));
      setNotice(t.saved);
    }
  };
  const setDepartment = (id: string, change: Partial<BookingRulesDraft['departments'][string]>) =>
    draft && setDraft({ ...draft, departments: { ...draft.departments, [id]: { ...draft.departments[id]!, ...change } } });
  const setKiosk = (id: string, change: Partial<BookingRulesDraft['kiosks'][string]>) =>
    draft && setDraft({ ...draft, kiosks: { ...draft.kiosks, [id]: { ...draft.kiosks[id]!, ...change } } });
  const policyField = (field: 'horizonDays' | 'leadMinutes' | 'changeCutoffMinutes' | 'maxOpenPerContact') =>
    draft ? (
      <div className="field">
        <label htmlFor={`policy-${field}`} className="field__label">
          {t.policy[field]}
        </label>
        <input id={`policy-${field}`} type="number" min={0} value={draft[field]} onChange={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })} />
      </div>
    ) : null;

  return (
    <SettingsFormSection
      id="booking-rules"
      heading={t.heading}
      lead={t.lead}
      notice={notice}
      actionError={problem ?? action.error}
      loadError={loaded.error}
      onRetry={loaded.reload}
      busy={action.busy}
      saveLabel={t.save}
      onSave={() => void save()}
    >
      {draft ? (
        <>
        <h3>{t.policyHeading}</h3>
        {policyField('horizonDays')}
        {policyField('leadMinutes')}
        {policyField('changeCutoffMinutes')}
        {policyField('maxOpenPerContact')}

        <h3>{t.departmentsHeading}</h3>
        {Object.entries(draft.departments).map(([id, d]) => (
          <fieldset key={id} className="booking-rule">
            <legend>{nameOf(id)}</legend>
            <label className="checkbox">
              <input type="checkbox" checked={d.bookable} onChange={(e) => setDepartment(id, { bookable: e.currentTarget.checked })} />
              {t.bookable}
            </label>
            <div className="field">
              <label htmlFor={`capacity-${id}`} className="field__label">
                {t.capacity}
              </label>
              <input id={`capacity-${id}`} type="number" min={1} max={50} value={d.capacity} onChange={(e) => setDepartment(id, { capacity: e.currentTarget.value })} />
            </div>
            <WeekFields idPrefix={`dept-${id}`} week={d.hours} onChange={(hours) => setDepartment(id, { hours })} />
            <fieldset className="field">
              <legend className="field__label">{t.topics}</legend>
              {d.topics.map((topic, index) => (
                <div key={topic.id ?? `new-${index}`} className="topic-row">
                  <label htmlFor={`topic-${id}-${index}`}>{t.topicName}</label>
                  <input id={`topic-${id}-${index}`} type="text" maxLength={60} value={topic.name} onChange={(e) => setDepartment(id, { topics: d.topics.map((x, i) => (i === index ? { ...x, name: e.currentTarget.value } : x)) })} />
                  <label htmlFor={`slot-${id}-${index}`}>{t.slotMinutes}</label>
                  <input id={`slot-${id}-${index}`} type="number" min={10} max={240} step={5} value={topic.slotMinutes} onChange={(e) => setDepartment(id, { topics: d.topics.map((x, i) => (i === index ? { ...x, slotMinutes: e.currentTarget.value } : x)) })} />
                  <button type="button" className="button" onClick={() => setDepartment(id, { topics: d.topics.filter((_, i) => i !== index) })}>
                    {t.removeTopic}
                  </button>
                </div>
              ))}
              <button type="button" className="button" onClick={() => setDepartment(id, { topics: [...d.topics, { name: '', slotMinutes: '30' }] })}>
                {t.addTopic}
              </button>
            </fieldset>
          </fieldset>
        ))}

        <h3>{t.kiosksHeading}</h3>
        {Object.entries(draft.kiosks).map(([id, k]) => (
          <fieldset key={id} className="booking-rule">
            <legend>{nameOf(id)}</legend>
            <label className="checkbox">
              <input type="checkbox" checked={k.bookable} onChange={(e) => setKiosk(id, { bookable: e.currentTarget.checked })} />
              {t.kioskBookable}
            </label>
            <WeekFields idPrefix={`kiosk-${id}`} week={k.hours} onChange={(hours) => setKiosk(id, { hours })} />
          </fieldset>
        ))}

        <div className="field">
          <label htmlFor="blocked-days" className="field__label">
            {t.blockedDays}
          </label>
          <p className="field__hint">{t.blockedDaysHint}</p>
          <textarea id="blocked-days" rows={5} value={draft.blockedDays} onChange={(e) => setDraft({ ...draft, blockedDays: e.currentTarget.value })} />
        </div>
        </>
      ) : null}
    </SettingsFormSection>
  );
}
