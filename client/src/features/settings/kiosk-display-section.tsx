import { useEffect, useState } from 'react';
import { RESIDENT_NAME_DISPLAYS, type KioskDisplaySettings, type ResidentNameDisplay } from '@madoguchi/contract/town-settings';
import { getKioskDisplay, updateKioskDisplay } from '../../api/settings-api';
import { FormField } from '../../components/form-field';
import { useAction } from '../../hooks/use-action';
import { useApiData } from '../../hooks/use-api-data';
import { pick } from '../../i18n/language';
import { kioskDisplayProblems } from './kiosk-display-form';
import { SettingsFormSection } from './settings-form-section';

const t = pick({
  ja: {
    heading: 'キオスクの表示',
    lead: 'すべてのキオスクに共通です。キオスクの画面は通りがかった人にも見えます。',
    nameDisplay: '予約者の名前の表示',
    names: {
      family_name: '姓だけ（例：佐々木 様）',
      initials: 'イニシャル（例：S. T. 様）',
      full: '氏名すべて（画面が他の人から見えない場所だけ）',
      hidden: '表示しない',
    } satisfies Record<ResidentNameDisplay, string>,
    noAnswer: '対応できる職員がいないときに案内する方法',
    phone: '電話番号',
    phoneHint: '例：0120-000-000（空欄なら表示しません）',
    phoneInvalid: '電話番号は、数字と「-」「( )」、空白で入力してください（先頭に「+」も使えます。数字は6〜15桁）。例：0120-000-000。案内しない場合は空欄にします。',
    hours: '受付時間',
    hoursHint: '例：平日 8:30〜17:15（空欄なら表示しません）',
    bookHere: '「この窓口で予約する」を案内する（設定 → 予約枠で予約を受け付ける課と端末だけ。名前の入力なしで受付番号とQRコードを表示します）',
    save: '保存',
    saved: 'キオスクの表示を保存しました。キオスクには次の利用者から反映されます。',
  },
  en: {
    heading: 'What kiosks show',
    lead: 'The same for every kiosk. Anyone passing can read a kiosk screen.',
    nameDisplay: "Booked resident's name",
    names: {
      family_name: 'Family name only (e.g. Sasaki-sama)',
      initials: 'Initials (e.g. S. T.-sama)',
      full: 'Full name (only where nobody else can see the screen)',
      hidden: 'No name',
    } satisfies Record<ResidentNameDisplay, string>,
    noAnswer: 'What to offer when nobody can answer',
    phone: 'Telephone number',
    phoneHint: 'e.g. 0120-000-000 (left empty: not shown)',
    phoneInvalid: 'Enter a telephone number: digits with hyphens, parentheses or spaces, optionally starting with + (6 to 15 digits), e.g. 0120-000-000. Leave it empty to show none.',
    hours: 'Opening hours',
    hoursHint: 'e.g. weekdays 8:30-17:15 (left empty: not shown)',
    bookHere: 'Offer “Book a time at this kiosk” (for the departments and kiosks that Settings → Booking takes bookings for; no name typed, the kiosk shows a check-in number and QR code)',
    save: 'Save',
    saved: 'Saved. Kiosks use it from their next resident.',
  },
});

/** Admins choose how booked names appear on the public screen and what to offer when nobody can answer. */
export function KioskDisplaySection() {
  const loaded = useApiData(getKioskDisplay, 'kiosk-display');
  const [draft, setDraft] = useState<KioskDisplaySettings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Problems show from the first save on, so nobody is told off while still typing.
  const [checked, setChecked] = useState(false);
  const action = useAction();
  const problems = checked && draft ? kioskDisplayProblems(draft) : {};
  useEffect(() => {
    if (loaded.data) setDraft(loaded.data);
  }, [loaded.data]);

  const save = async () => {
    if (!draft) return;
    setNotice(null);
    setChecked(true);
    if (Object.keys(kioskDisplayProblems(draft)).length > 0) return;
    const result = await action.perform((o) => updateKioskDisplay(draft, o));
    if (result.ok) {
      setDraft(result.value);
      setNotice(t.saved);
    }
  };

  return (
    <SettingsFormSection
      id="kiosk-display"
      heading={t.heading}
      lead={t.lead}
      notice={notice}
      actionError={action.error}
      loadError={loaded.error}
      onRetry={loaded.reload}
      busy={action.busy}
      saveLabel={t.save}
      onSave={() => void save()}
    >
      {draft ? (
        <>
        <fieldset className="field">
          <legend className="field__label">{t.nameDisplay}</legend>
          {RESIDENT_NAME_DISPLAYS.map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="resident-name-display"
                value={value}
                checked={draft.residentNameDisplay === value}
                onChange={() => setDraft({ ...draft, residentNameDisplay: value })}
              />
              {t.names[value]}
            </label>
          ))}
        </fieldset>
        <h3>{t.noAnswer}</h3>
        <FormField label={t.phone} hint={t.phoneHint} error={problems.counterPhone ? t.phoneInvalid : null}>
          {(control) => (
            <input {...control} type="tel" maxLength={40} value={draft.counterPhone} onChange={(e) => setDraft({ ...draft, counterPhone: e.currentTarget.value })} />
          )}
        </FormField>
        <FormField label={t.hours} hint={t.hoursHint}>
          {(control) => (
            <input {...control} type="text" maxLength={120} value={draft.openingHours} onChange={(e) => setDraft({ ...draft, openingHours: e.currentTarget.value })} />
          )}
        </FormField>
        <label className="checkbox-field">
          <input type="checkbox" checked={draft.offerBookingHere} onChange={(e) => setDraft({ ...draft, offerBookingHere: e.currentTarget.checked })} />
          {t.bookHere}
        </label>
        </>
      ) : null}
    </SettingsFormSection>
  );
}
