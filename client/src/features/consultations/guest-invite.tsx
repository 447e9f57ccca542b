import { useState } from 'react';
import { GUEST_KINDS, type GuestKind, type GuestLink } from '@madoguchi/contract/guests';
import { createGuestLink } from '../../api/guests-api';
import { CopyButton } from '../../components/copy-button';
import { useApi } from '../../hooks/use-api';
import { pick } from '../../i18n/language';
import { tileCaptions } from '../../i18n/tile-captions';
import { formatTime } from '../../time/jst-format';

const t = pick({
  ja: {
    invite: '通訳・他部署を招待',
    making: 'リンクを作成しています…',
    linkLabel: '招待リンク（1人・この通話だけ有効）',
    expires: (time: string) => `${time} まで有効。相手に送ってください。`,
    copy: 'リンクをコピー',
    copied: 'コピーしました',
    copyFailed: 'コピーできませんでした。リンクを選択してコピーしてください。',
    failed: 'リンクを作成できませんでした。通話中か確認して、もう一度お試しください。',
    kind: '招待する相手',
    guest: '同席者',
    close: '閉じる',
  },
  en: {
    invite: 'Invite an interpreter or colleague',
    making: 'Creating the link…',
    linkLabel: 'Invitation link (one person, this call only)',
    expires: (time: string) => `Valid until ${time}. Send it to the person you invite.`,
    copy: 'Copy link',
    copied: 'Copied',
    copyFailed: 'Could not copy; select the link and copy it.',
    failed: 'Could not create the link. Check that the call is running and try again.',
    kind: 'Who you invite',
    guest: 'Guest',
    close: 'Close',
  },
});

/** A single-use link that brings a third party into this call; shown once, to be passed on. */
export function GuestInvite({ consultationId, disabled }: { consultationId: string | null; disabled: boolean }) {
  const { run } = useApi();
  const [link, setLink] = useState<GuestLink | null>(null);
  const [state, setState] = useState<'idle' | 'making' | 'failed'>('idle');
  // The resident's kiosk announces this (「通訳者が参加しました」) and captions the guest's tile with it.
  const [kind, setKind] = useState<GuestKind>('interpreter');

  const make = async (): Promise<void> => {
    if (!consultationId) return;
    setState('making');
    try {
      setLink(await run((options) => createGuestLink(consultationId, { label: tileCaptions.guestKinds[kind], kind }, options)));
      setState('idle');
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="guest-invite">
      <label className="guest-invite__kind">
        {t.kind}
        <select value={kind} disabled={disabled || state === 'making'} onChange={(event) => setKind(event.currentTarget.value as GuestKind)}>
          {GUEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {tileCaptions.guestKinds[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--secondary" disabled={disabled || !consultationId || state === 'making'} onClick={() => void make()}>
        {state === 'making' ? t.making : t.invite}
      </button>
      {state === 'failed' ? <p role="alert">{t.failed}</p> : null}
      {link ? (
        <div className="guest-invite__link">
          <label>
            {t.linkLabel}
            <input type="text" readOnly value={link.url} onFocus={(event) => event.currentTarget.select()} />
          </label>
          <p>{t.expires(formatTime(link.expiresAt))}</p>
          <div className="guest-invite__actions">
            <CopyButton text={link.url} label={t.copy} copiedLabel={t.copied} failedLabel={t.copyFailed} />
            <button type="button" className="button button--secondary" onClick={() => setLink(null)}>
              {t.close}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
