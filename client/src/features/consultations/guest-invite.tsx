import { useState } from 'react';
import { GUEST_KINDS, type GuestKind, type GuestLink } from '@madoguchi/contract/guests';
import { createGuestLink } from '../../api/guests-api';
import { CopyButton } from '../../components/copy-button';
import { useApi } from '../../hooks/use-api';
import { tileCaptions } from '../../i18n/tile-captions';
import { formatTime } from '../../time/jst-format';
import { guestInviteFailureText, guestInviteText } from './guest-invite-text';

const t = guestInviteText;

/** A single-use link that brings a third party into this call; shown once, to be passed on. */
export function GuestInvite({ consultationId, disabled }: { consultationId: string | null; disabled: boolean }) {
  const { run } = useApi();
  const [link, setLink] = useState<GuestLink | null>(null);
  const [state, setState] = useState<'idle' | 'making' | 'failed'>('idle');
  const [failure, setFailure] = useState('');
  // The resident's kiosk announces this (「通訳者が参加しました」) and captions the guest's tile with it.
  const [kind, setKind] = useState<GuestKind>('interpreter');

  const make = async (): Promise<void> => {
    if (!consultationId) return;
    setState('making');
    try {
      setLink(await run((options) => createGuestLink(consultationId, { label: tileCaptions.guestKinds[kind], kind }, options)));
      setState('idle');
    } catch (error) {
      // The server's reason when it has one the member can act on (the call's cap on links).
      setFailure(guestInviteFailureText(error));
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
      {state === 'failed' ? <p role="alert">{failure}</p> : null}
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
