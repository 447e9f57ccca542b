import { useEffect } from 'react';
import type { NodeLoad, OperationsOverview } from '@madoguchi/contract/operations';
import type { ConsultationRecord } from '@madoguchi/contract/consultation';
import { fetchOperationsOverview } from '../../api/operations-api';
import { Notice } from '../../components/notice';
import { useApiData } from '../../hooks/use-api-data';
import { useNow } from '../../hooks/use-now';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { operationsMessages as m } from '../../i18n/operations-messages';
import { formatTime, formatTimestamp } from '../../time/jst-format';
import { PageSection } from '../../components/page-section';

const REFRESH_MS = 10_000;

const minutesSince = (instant: string, now: number): string => m.minutes(Math.max(0, Math.floor((now - Date.parse(instant)) / 60_000)));

function qualityText(consultation: ConsultationRecord): string {
  const q = consultation.quality;
  if (!q) return '—';
  const rtt = q.kioskToStaff.meanRttMs ?? q.staffToKiosk.meanRttMs;
  const loss = q.kioskToStaff.lossPercent;
  return [rtt !== null ? `RTT ${Math.round(rtt)} ms` : null, loss !== null ? `loss ${loss.toFixed(1)}%` : null].filter(Boolean).join(' / ') || '—';
}

function KioskTable({ overview }: { overview: OperationsOverview }) {
  const online = overview.kiosks.filter((k) => k.status !== 'offline').length;
  return (
    <section aria-labelledby="ops-kiosks">
      <h2 id="ops-kiosks">{m.kiosks.heading}</h2>
      <p>{m.kiosks.summary(online, overview.kiosks.length)}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{m.kiosks.name}</th>
            <th scope="col">{m.kiosks.place}</th>
            <th scope="col">{m.kiosks.status}</th>
            <th scope="col">{m.kiosks.heartbeat}</th>
          </tr>
        </thead>
        <tbody>
          {overview.kiosks.map((kiosk) => (
            <tr key={kiosk.id}>
              <th scope="row">{kiosk.name}</th>
              <td>{kiosk.location}</td>
              <td>
                <span className={`badge badge--kiosk-${kiosk.status}`}>{m.status[kiosk.status]}</span>
              </td>
              <td>{kiosk.lastHeartbeatAt ? formatTimestamp(kiosk.lastHeartbeatAt) : m.kiosks.never}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LiveTable({ overview, now }: { overview: OperationsOverview; now: number }) {
  return (
    <section aria-labelledby="ops-live">
      <h2 id="ops-live">{m.live.heading}</h2>
      {overview.liveConsultations.length === 0 ? (
        <p>{m.live.none}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{m.live.kiosk}</th>
              <th scope="col">{m.live.department}</th>
              <th scope="col">{m.live.state}</th>
              <th scope="col">{m.live.staff}</th>
              <th scope="col">{m.live.since}</th>
              <th scope="col">{m.live.quality}</th>
            </tr>
          </thead>
          <tbody>
            {overview.liveConsultations.map((consultation) => (
              <tr key={consultation.id}>
                <th scope="row">{consultation.kioskName}</th>
                <td>{consultation.departmentName ?? m.live.general}</td>
                <td>{consultation.status === 'active' ? m.live.active : m.live.queued}</td>
                <td>{consultation.staffName ?? '—'}</td>
                <td>{minutesSince(consultation.answeredAt ?? consultation.queuedAt, now)}</td>
                <td>{qualityText(consultation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NodeLoadTable({ node }: { node: NodeLoad }) {
  const headingId = `ops-node-${node.nodeId}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{m.server.node(node.nodeId, node.self)}</h3>
      <p>{m.server.media(node.media.transports, node.media.producers, node.media.consumers)}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{m.server.worker}</th>
            <th scope="col">{m.server.rooms}</th>
            <th scope="col">{m.server.peers}</th>
            <th scope="col">{m.server.cpu}</th>
            <th scope="col">{m.server.memory}</th>
          </tr>
        </thead>
        <tbody>
          {node.workers.map((worker) => (
            <tr key={worker.index}>
              <th scope="row">#{worker.index}</th>
              <td className="table__num">{worker.rooms}</td>
              <td className="table__num">{worker.peers}</td>
              <td className="table__num">{worker.cpuPercent === null ? '—' : `${worker.cpuPercent.toFixed(1)}%`}</td>
              <td className="table__num">{worker.rssMb} MB</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ServerLoad({ overview }: { overview: OperationsOverview }) {
  return (
    <section aria-labelledby="ops-server">
      <h2 id="ops-server">{m.server.heading}</h2>
      {overview.allNodesAnswered ? null : <Notice tone="error" text={m.server.missing} />}
      {overview.nodes.map((node) => (
        <NodeLoadTable key={node.nodeId} node={node} />
      ))}
    </section>
  );
}

/** 運用状況: what an operator checks at a glance. */
export function OperationsPage() {
  const overview = useApiData((o) => fetchOperationsOverview(o), 'operations');
  const now = useNow(5_000);
  const { reload } = overview;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const data = overview.data;
  return (
    <PageSection heading={m.heading} lead={m.lead} wide>
      {overview.error ? <Notice tone="error" text={describeError(overview.error)} actionLabel={common.actions.retry} onAction={reload} /> : null}
      {data ? (
        <>
          <p role="status">{m.updated(formatTime(data.at))}</p>
          <KioskTable overview={data} />
          <LiveTable overview={data} now={now} />
          <ServerLoad overview={data} />
        </>
      ) : (
        <p role="status">{common.loading}</p>
      )}
    </PageSection>
  );
}
