import { useEffect, useState } from 'react';
import type { CameraRoles } from '@madoguchi/contract/kiosks';
import { playTestTone, probeMicrophone } from '@madoguchi/call-core/device-probes';
import { BigButton } from '../components/big-button';
import { CodeDisplay } from '../components/code-display';
import { KeypadEntry } from '../components/keypad-entry';
import { ScreenFrame } from '../components/screen-frame';
import { VideoView } from '@madoguchi/call-core/components/video-view';
import { openInstaller, saveKioskDevices } from '../device/kiosk-installer-api';
import { PAIRING_CODE_LENGTH } from '../visit/code-entry';
import { useKioskController } from '../visit/use-kiosk-controller';
import { useKioskSnapshot } from '../visit/use-kiosk-snapshot';
import { useMessages } from '../visit/use-messages';

interface Camera {
  deviceId: string;
  label: string;
  stream: MediaStream | null;
}

/** Every camera with a live preview, opened once the installer mode is open; closed on leaving. */
function useCameras(open: boolean): Camera[] {
  const [cameras, setCameras] = useState<Camera[]>([]);
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const streams: MediaStream[] = [];
    void (async () => {
      // Labels are hidden until the page has been allowed a camera once.
      const probe = await navigator.mediaDevices.getUserMedia({ video: true }).catch(() => null);
      for (const track of probe?.getTracks() ?? []) track.stop();
      const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput' && d.deviceId);
      const found: Camera[] = [];
      for (const input of inputs) {
        const stream = await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: input.deviceId } } }).catch(() => null);
        if (stream) streams.push(stream);
        // Left the screen meanwhile: the cleanup has run, so release what was opened since.
        if (cancelled) for (const track of stream?.getTracks() ?? []) track.stop();
        found.push({ deviceId: input.deviceId, label: input.label, stream });
      }
      if (!cancelled) setCameras(found);
    })();
    return () => {
      cancelled = true;
      for (const stream of streams) for (const track of stream.getTracks()) track.stop();
    };
  }, [open]);
  return cameras;
}

/**
 * Installer mode (`/kiosk/#install`): the one-time code from the admin app opens it; every camera
 * is shown live by its label, the installer picks the face and document cameras, checks the
 * microphone and the speaker, and saves the choice to the server for this kiosk.
 */
export function InstallScreen({ onClose }: { onClose: () => void }) {
  const controller = useKioskController();
  const { config } = useKioskSnapshot();
  const messages = useMessages();
  const t = messages.install;
  const [code, setCode] = useState('');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [roles, setRoles] = useState<CameraRoles>({ faceCameraId: null, documentCameraId: null });
  const [micLevel, setMicLevel] = useState<number | null | undefined>(undefined);
  const cameras = useCameras(open);

  useEffect(() => {
    if (config) setRoles(config.kiosk.cameraRoles);
  }, [config]);

  const submitCode = async (typed: string) => {
    const token = controller.accessToken;
    if (!token) return;
    setBusy(true);
    setNotice(null);
    try {
      await openInstaller(typed, token);
      setOpen(true);
    } catch {
      setNotice(t.wrongCode);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const token = controller.accessToken;
    if (!token) return;
    setBusy(true);
    try {
      await saveKioskDevices(roles, token);
      setNotice(t.saved);
    } catch {
      setNotice(t.saveFailed);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <ScreenFrame name="install">
        <div className="check-in__text">
          <h1 className="screen__title">{t.title}</h1>
          <p className="screen__lead">{t.lead}</p>
          <CodeDisplay code={code} length={PAIRING_CODE_LENGTH} label={messages.keypad.codeLabel} groupSize={4} />
          <p className="check-in__status check-in__status--error" role="alert">
            {notice ?? ''}
          </p>
          <BigButton variant="quiet" onClick={onClose}>
            {t.close}
          </BigButton>
        </div>
        <div className="check-in__input">
          <KeypadEntry
            code={code}
            length={PAIRING_CODE_LENGTH}
            labels={{ ...messages.keypad, submit: t.submit }}
            busy={busy}
            onChange={setCode}
            onSubmit={(typed) => void submitCode(typed)}
          />
        </div>
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame name="install">
      <h1 className="screen__title">{t.title}</h1>
      <h2>{t.cameras}</h2>
      <ul className="install__cameras">
        {cameras.map((camera) => (
          <li key={camera.deviceId} className="install__camera" aria-label={camera.label}>
            <VideoView source={camera.stream} label={camera.label} className="install__preview" />
            <p>{camera.label}</p>
            <BigButton
              variant={roles.faceCameraId === camera.deviceId ? 'primary' : 'quiet'}
              aria-pressed={roles.faceCameraId === camera.deviceId}
              onClick={() => setRoles((r) => ({ ...r, faceCameraId: camera.deviceId }))}
            >
              {t.face}
            </BigButton>
            <BigButton
              variant={roles.documentCameraId === camera.deviceId ? 'primary' : 'quiet'}
              aria-pressed={roles.documentCameraId === camera.deviceId}
              onClick={() => setRoles((r) => ({ ...r, documentCameraId: camera.deviceId }))}
            >
              {t.document}
            </BigButton>
          </li>
        ))}
      </ul>
      <div className="check__actions">
        <BigButton variant="quiet" onClick={() => void probeMicrophone().then(setMicLevel)}>
          {t.checkMicrophone}
        </BigButton>
        <BigButton variant="quiet" onClick={() => void playTestTone()}>
          {messages.check.playTone}
        </BigButton>
        <BigButton disabled={busy} onClick={() => void save()}>
          {t.save}
        </BigButton>
        <BigButton variant="quiet" onClick={onClose}>
          {t.close}
        </BigButton>
      </div>
      <div role="status" className="screen__lead">
        {micLevel !== undefined ? <p>{t.microphoneLevel(micLevel)}</p> : null}
        {notice ? <p>{notice}</p> : null}
      </div>
    </ScreenFrame>
  );
}
