import type { QualitySummary } from '@madoguchi/contract/consultation';
import { common } from '../../i18n/common-messages';
import { recordMessages } from '../../i18n/record-messages';

const t = recordMessages.detail;
const value = (n: number | null, unit: string, digits = 0) => (n === null ? common.none : `${n.toFixed(digits)} ${unit}`);

/** Mean round trip, loss and bitrate in each direction. */
export function RecordQuality({ quality }: { quality: QualitySummary | null }) {
  if (!quality) return <p>{t.noQuality}</p>;
  const rows = [
    { label: t.kioskToStaff, q: quality.kioskToStaff },
    { label: t.staffToKiosk, q: quality.staffToKiosk },
  ];
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">{t.quality}</caption>
      <thead>
        <tr>
          <th scope="col">{t.direction}</th>
          <th scope="col" className="table__num">{t.rtt}</th>
          <th scope="col" className="table__num">{t.loss}</th>
          <th scope="col" className="table__num">{t.bitrate}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, q }) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="table__num">{value(q.meanRttMs, 'ms')}</td>
            <td className="table__num">{value(q.lossPercent, '%', 1)}</td>
            <td className="table__num">{value(q.meanBitrateKbps, 'kbps')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
