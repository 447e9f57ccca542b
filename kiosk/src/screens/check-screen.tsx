import { useState } from 'react';
import { verdictOf, type CheckResults, type CheckStatus } from '@madoguchi/call-core/check-verdict';
import { EMPTY_CHECK, type CheckDetails } from '@madoguchi/call-core/connection-check';
import { playTestTone } from '@madoguchi/call-core/device-probes';
import type { MediaPathResult } from '@madoguchi/call-core/media-check';
import { BigButton } from '../components/big-button';
import { ScreenFrame } from '../components/screen-frame';
import { useKioskController } from '../visit/use-kiosk-controller';
import { useKioskSnapshot } from '../visit/use-kiosk-snapshot';
import { useMessages } from '../visit/use-messages';

/**
 * The installer's connection check (`/kiosk/#check`): camera, microphone, speaker, and the media
 * server over UDP and over TCP through a real loopback, with a plain verdict.
 */
export function CheckScreen({ onClose }: { onClose: () => void }) {
  const controller = useKioskController();
  const { call } = useKioskSnapshot();
  const { check: t } = useMessages();
  const [results, setResults] = useState<CheckResults>(EMPTY_CHECK);
  const [details, setDetails] = useState<CheckDetails>({ cameraLabel: null, microphonePercent: null });
  const [running, setRunning] = useState(false);
  const [refused, setRefused] = useState(false);
  const [tonePlayed, setTonePlayed] = useState(false);

  const run = async () => {
    setRunning(true);
    setRefused(false);
    try {
      await controller.runConnectionCheck((next, found) => {
        setResults((r) => ({ ...next, speaker: r.speaker }));
        setDetails(found);
      });
    } catch {
      setRefused(true);
    } finally {
      setRunning(false);
    }
  };

  const media = call?.serverInfo?.media;
  const portRange = media ? (media.firstPort === media.lastPort ? String(media.firstPort) : `${media.firstPort}–${media.lastPort}`) : '';
  const ports = media ? t.ports(media.address, portRange) : '';
  const verdict = verdictOf(results).map((line) =>
    line === 'tcpOnly' ? t.verdict.tcpOnly(ports) : line === 'noMedia' ? t.verdict.noMedia(ports) : t.verdict[line],
  );
  const status = (value: CheckStatus): string => (value === 'pending' ? t.pending : value === 'ok' ? t.ok : t.failed);
  const path = (result: MediaPathResult | null): [string, string] => [
    result === null ? t.pending : result.ok ? t.ok : t.failed,
    result?.ok ? t.path(result.rttMs, result.kbps) : '',
  ];
  const rows: [string, string, string][] = [
    [t.items.camera, status(results.camera), details.cameraLabel ?? ''],
    [t.items.microphone, status(results.microphone), details.microphonePercent === null ? '' : `${details.microphonePercent}%`],
    [t.items.speaker, status(results.speaker), ''],
    [t.items.udp, ...path(results.udp)],
    [t.items.tcp, ...path(results.tcp)],
  ];

  return (
    <ScreenFrame name="check">
      <h1 className="screen__title">{t.title}</h1>
      <table className="check__table">
        <tbody>
          {rows.map(([label, value, detail]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
              <td>{detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="check__actions">
        <BigButton disabled={running} onClick={() => void run()}>
          {running ? t.running : t.start}
        </BigButton>
        <BigButton variant="quiet" onClick={() => void playTestTone().then(() => setTonePlayed(true))}>
          {t.playTone}
        </BigButton>
        <BigButton variant="quiet" disabled={!tonePlayed} onClick={() => setResults((r) => ({ ...r, speaker: 'ok' }))}>
          {t.heard}
        </BigButton>
        <BigButton variant="quiet" disabled={!tonePlayed} onClick={() => setResults((r) => ({ ...r, speaker: 'failed' }))}>
          {t.notHeard}
        </BigButton>
        <BigButton variant="quiet" onClick={onClose}>
          {t.close}
        </BigButton>
      </div>
      <div role="status" className="screen__lead">
        {refused ? <p>{t.notReady}</p> : null}
        {verdict.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </ScreenFrame>
  );
}
