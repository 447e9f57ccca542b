import type { Appointment } from '@madoguchi/contract/appointments';
import { useQrCode } from '../../hooks/use-qr-code';
import { slipControls, slipEn, slipJa } from '../../i18n/slip-messages';
import { groupedCode, slipWhen } from './slip-format';

export type PaperSize = 'A5' | 'A4';

/** The printed slip: when, where, the six-digit code in large type and as a QR code. */
export function CheckInSlip({ appointment, code, paper }: { appointment: Appointment; code: string; paper: PaperSize }) {
  const qr = useQrCode(code);
  const english = appointment.preferredLanguage === 'en';
  return (
    <article className={`slip slip--${paper.toLowerCase()}`} lang="ja" aria-label={slipControls.previewLabel}>
      <h2 className="slip__title">{slipJa.title}</h2>
      <p className="slip__resident">{slipJa.resident(appointment.residentName)}</p>
      <dl className="slip__facts">
        <div>
          <dt>{slipJa.when}</dt>
          <dd className="slip__when">{slipWhen(appointment.startsAt, appointment.endsAt)}</dd>
        </div>
        <div>
          <dt>{slipJa.department}</dt>
          <dd>{appointment.departmentName}</dd>
        </div>
        <div>
          <dt>{slipJa.place}</dt>
          <dd>
            {appointment.kioskLocation}（{slipJa.kiosk}: {appointment.kioskName}）
          </dd>
        </div>
        {appointment.kioskAddress ? (
          <div>
            <dt>{slipJa.address}</dt>
            <dd>{appointment.kioskAddress}</dd>
          </div>
        ) : null}
      </dl>
      <div className="slip__code-block">
        <div>
          <p className="slip__code-label">{slipJa.code}</p>
          <p className="slip__code" aria-label={code.split('').join(' ')}>
            {groupedCode(code)}
          </p>
        </div>
        {qr.status === 'ready' ? <img className="slip__qr" src={qr.dataUrl} alt={slipJa.qrAlt(code)} /> : null}
      </div>
      {qr.status === 'failed' ? (
        <p className="notice notice--error no-print" role="alert">
          {slipControls.qrFailed}
        </p>
      ) : null}
      <p className="slip__instructions">{slipJa.instructions}</p>
      <p className="slip__note">{slipJa.arrival}</p>
      {english ? (
        <div lang="en" className="slip__english">
          <p>{slipEn.instructions}</p>
          <p>{slipEn.arrival}</p>
        </div>
      ) : null}
    </article>
  );
}
