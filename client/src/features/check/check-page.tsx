import { useState } from 'react';
import { EMPTY_CHECK, runConnectionCheck } from '@madoguchi/call-core/connection-check';
import type { MediaPathResult } from '@madoguchi/call-core/media-check';
import { useStaffCall } from '../../hooks/use-call-client';
import { useCallSnapshot } from '../../hooks/use-call-snapshot';
import { checkMessages } from '../../i18n/check-messages';
import { mediaPathMessages } from '../../i18n/media-path-messages';
import { verdictOf, type CheckResults, type CheckStatus } from '@madoguchi/call-core/check-verdict';
import { playTestTone } from '@madoguchi/call-core/device-probes';

const t = checkMessages;

function Row({ label, status, detail }: { label: string; status: CheckStatus; detail: string | null }) {
  const text = status === 'pending' ? t.pending : status === 'ok' ? t.ok : t.failed;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className={status === 'failed' ? 'check__failed' : undefined}>{text}</td>
      <td>{detail ?? ''}</td>
    </tr>
  );
}

const pathStatus = (result: MediaPathResult | null): CheckStatus => (result === null ? 'pending' : result.ok ? 'ok' : 'failed');
const pathDetail = (result: MediaPathResult | null): string | null =>
  result === null ? null : result.ok ? t.pathOk(result.rttMs, result.kbps) : t.pathFailed;

/**
 * The installer's connection check on a staff PC: camera, microphone, speaker, and the media
 * server over UDP and over TCP (a real loopback through the SFU), with a plain verdict.
 */
export function CheckPage() {
  const staffCall = useStaffCall();
  const mediaPath = useCallSnapshot((snapshot) => snapshot.serverInfo?.media ?? null);
  const inCall = useCallSnapshot((snapshot) => snapshot.callState !== 'idle');
  const [results, setResults] = useState<CheckResults>(EMPTY_CHECK);
  const [details, setDetails] = useState<{ camera: string | null; microphone: string | null }>({ camera: null, microphone: null });
  const [running, setRunning] = useState(false);
  const [tonePlayed, setTonePlayed] = useState(false);

  const run = async () => {
    setRunning(true);
    setTonePlayed(false);
    try {
      await runConnectionCheck(staffCall, (next, found) => {
        setResults((r) => ({ ...next, speaker: r.speaker }));
        setDetails({
          camera: next.camera === 'ok' ? t.cameraOk(found.cameraLabel ?? '') : null,
          microphone: found.microphonePercent === null ? null : t.microphoneOk(found.microphonePercent),
        });
      });
    } finally {
      setRunning(false);
    }
  };

  const ports = mediaPathMessages.ports(mediaPath);
  const verdict = verdictOf(results).map((line) =>
    line === 'tcpOnly' ? t.verdict.tcpOnly(ports) : line === 'noMedia' ? t.verdict.noMedia(ports) : t.verdict[line],
  );

  return (
    <section className="page check" aria-labelledby="check-heading">
      <h1 id="check-heading">{t.title}</h1>
      <p>{t.lead}</p>
      <button type="button" className="button button--primary" disabled={running || inCall} onClick={() => void run()}>
        {running ? t.running : results.udp ? t.again : t.start}
      </button>
      <table className="table table--compact check__table">
        <tbody>
          <Row label={t.items.camera} status={results.camera} detail={details.camera} />
          <Row label={t.items.microphone} status={results.microphone} detail={details.microphone} />
          <Row label={t.items.speaker} status={results.speaker} detail={null} />
          <Row label={t.items.udp} status={pathStatus(results.udp)} detail={pathDetail(results.udp)} />
          <Row label={t.items.tcp} status={pathStatus(results.tcp)} detail={pathDetail(results.tcp)} />
        </tbody>
      </table>
      <div className="check__speaker">
        <p>{t.speakerAsk}</p>
        <button type="button" className="button button--secondary" onClick={() => void playTestTone().then(() => setTonePlayed(true))}>
          {t.playTone}
        </button>
        <button type="button" className="button button--secondary" disabled={!tonePlayed} onClick={() => setResults((r) => ({ ...r, speaker: 'ok' }))}>
          {t.heard}
        </button>
        <button type="button" className="button button--secondary" disabled={!tonePlayed} onClick={() => setResults((r) => ({ ...r, speaker: 'failed' }))}>
          {t.notHeard}
        </button>
      </div>
      <h2>{t.verdictHeading}</h2>
      <div role="status" aria-live="polite" className="check__verdict">
        {verdict.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </section>
  );
}
