import { useState } from 'react';
import { BackButton } from '../components/back-button';
import { BigButton } from '../components/big-button';
import { CodeDisplay } from '../components/code-display';
import { KeypadEntry } from '../components/keypad-entry';
import { Pictogram } from '../components/pictogram';
import { QrScanner } from '../components/qr-scanner';
import { ScreenFrame } from '../components/screen-frame';
import { CHECK_IN_CODE_LENGTH } from '../visit/code-entry';
import type { CheckInError } from '../visit/kiosk-state';
import { useMessages } from '../visit/use-messages';

export interface CheckInScreenProps {
  submitting: boolean;
  error: CheckInError | null;
  /** The camera that reads QR codes: the document camera if there is one. */
  camera: { deviceId: string | null; mirrored: boolean };
  onSubmit: (code: string) => void;
  onBack: () => void;
}

/** Six digits by keypad or from the slip's QR code. The digits vanish with the screen. */
export function CheckInScreen({ submitting, error, camera, onSubmit, onBack }: CheckInScreenProps) {
  const messages = useMessages();
  const texts = messages.checkIn;
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [cameraFailed, setCameraFailed] = useState(false);
  // A refusal stays on screen until the resident starts correcting the number.
  const [errorSeen, setErrorSeen] = useState(false);

  const submit = (value: string) => {
    setErrorSeen(false);
    onSubmit(value);
  };
  const onScanned = (scanned: string) => {
    setScanning(false);
    setCode(scanned);
    submit(scanned);
  };
  const onEdit = (next: string) => {
    setCode(next);
    setErrorSeen(true);
    // The sixth digit sends the code: one touch fewer for the resident. A wrong code is said
    // plainly and the digits can be corrected.
    if (next.length === CHECK_IN_CODE_LENGTH && next.length > code.length && !submitting) submit(next);
  };
  const shownError = errorSeen ? null : error;

  let status: string | null = null;
  if (submitting) status = texts.submitting;
  else if (shownError) status = texts[shownError];
  else if (cameraFailed) status = texts.qrCameraError;

  return (
    <ScreenFrame name="check-in">
      <div className="check-in__text">
        <h1 className="screen__title">{texts.title}</h1>
        <p className="screen__lead">{scanning ? texts.qrLead : texts.lead}</p>
        <CodeDisplay code={code} length={CHECK_IN_CODE_LENGTH} label={messages.keypad.codeLabel} />
        <p className={`check-in__status${shownError && !submitting ? ' check-in__status--error' : ''}`} role="alert">
          {status ?? ''}
        </p>
        <div className="check-in__actions">
          <BigButton
            variant="quiet"
            onClick={() => {
              setCameraFailed(false);
              setScanning(!scanning);
            }}
            disabled={submitting}
          >
            {scanning ? null : <Pictogram name="qr" className="big-button__icon" />}
            {scanning ? texts.useKeypad : texts.useQr}
          </BigButton>
        </div>
      </div>
      <div className="check-in__input">
        {scanning ? (
          <QrScanner
            deviceId={camera.deviceId}
            mirrored={camera.mirrored}
            label={texts.useQr}
            onCode={onScanned}
            onUnavailable={() => {
              setScanning(false);
              setCameraFailed(true);
            }}
          />
        ) : (
          <KeypadEntry
            code={code}
            length={CHECK_IN_CODE_LENGTH}
            labels={{ ...messages.keypad, submit: texts.submit }}
            busy={submitting}
            onChange={onEdit}
            onSubmit={submit}
          />
        )}
      </div>
      <BackButton label={messages.back} onClick={onBack} disabled={submitting} />
    </ScreenFrame>
  );
}
