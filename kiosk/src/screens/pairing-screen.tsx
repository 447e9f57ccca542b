import { useState } from 'react';
import { BigButton } from '../components/big-button';
import { CodeDisplay } from '../components/code-display';
import { KeypadEntry } from '../components/keypad-entry';
import { ScreenFrame } from '../components/screen-frame';
import { PAIRING_CODE_LENGTH } from '../visit/code-entry';
import type { PairingError, PairingReason } from '../visit/kiosk-state';
import { useMessages } from '../visit/use-messages';

export interface PairingScreenProps {
  reason: PairingReason;
  submitting: boolean;
  error: PairingError | null;
  /** Shown only when `#pair` was opened over a credential that still works. */
  onLeave: (() => void) | null;
  onSubmit: (code: string) => void;
}

/** 「この端末を登録します」: the installer types the eight digits from the admin screen. */
export function PairingScreen({ reason, submitting, error, onLeave, onSubmit }: PairingScreenProps) {
  const messages = useMessages();
  const texts = messages.pairing;
  const [code, setCode] = useState('');

  let status = '';
  if (submitting) status = texts.submitting;
  else if (error) status = texts[error];

  return (
    <ScreenFrame name="pairing">
      <div className="check-in__text">
        <h1 className="screen__title">{texts.title}</h1>
        {reason === 'revoked' ? <p className="screen__lead">{texts.revoked}</p> : null}
        <p className="screen__lead">{texts.lead}</p>
        <CodeDisplay code={code} length={PAIRING_CODE_LENGTH} label={messages.keypad.codeLabel} groupSize={4} />
        <p className={`check-in__status${error && !submitting ? ' check-in__status--error' : ''}`} role="alert">
          {status}
        </p>
        {onLeave ? (
          <BigButton variant="quiet" onClick={onLeave} disabled={submitting}>
            {texts.cancel}
          </BigButton>
        ) : null}
      </div>
      <div className="check-in__input">
        <KeypadEntry
          code={code}
          length={PAIRING_CODE_LENGTH}
          labels={{ ...messages.keypad, submit: texts.submit }}
          busy={submitting}
          onChange={setCode}
          onSubmit={onSubmit}
        />
      </div>
    </ScreenFrame>
  );
}
