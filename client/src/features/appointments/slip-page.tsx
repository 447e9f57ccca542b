import { useState } from 'react';
import type { Appointment } from '@madoguchi/contract/appointments';
import { getAppointment } from '../../api/appointments-api';
import { hrefFor } from '../../app/routes';
import { Notice } from '../../components/notice';
import { SegmentedControl } from '../../components/segmented-control';
import { useApiData } from '../../hooks/use-api-data';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { slipControls } from '../../i18n/slip-messages';
import { jstDateOf } from '../../time/jst';
import { CheckInSlip } from './check-in-slip';
import type { PaperSize } from './check-in-slip';

const PAPER_CSS: Record<PaperSize, string> = {
  A5: '@page { size: A5 portrait; margin: 10mm; }',
  A4: '@page { size: A4 portrait; margin: 15mm; }',
};

/** The print view of one appointment's check-in slip, reached from the appointment dialog. */
export function SlipPage({ appointmentId }: { appointmentId: string }) {
  const [paper, setPaper] = useState<PaperSize>('A5');
  const detail = useApiData<Appointment>((o) => getAppointment(appointmentId, o), appointmentId);
  const appointment = detail.data;
  const backHref = appointment
    ? hrefFor({ name: 'calendar', query: { date: jstDateOf(appointment.startsAt), open: appointment.id } })
    : hrefFor({ name: 'calendar', query: {} });

  return (
    <section className="page slip-page" aria-labelledby="slip-heading">
      {/* @page cannot be scoped to a class, so the chosen size is written as its own rule. */}
      <style>{PAPER_CSS[paper]}</style>
      <div className="slip-page__controls no-print">
        <h1 id="slip-heading" className="page__title">
          {slipControls.heading}
        </h1>
        <SegmentedControl
          label={slipControls.paperSize}
          value={paper}
          options={[
            { value: 'A5', label: 'A5' },
            { value: 'A4', label: 'A4' },
          ]}
          onChange={setPaper}
        />
        <button type="button" className="button button--primary" disabled={!appointment?.checkInCode} onClick={() => window.print()}>
          {slipControls.print}
        </button>
        <a className="button button--secondary" href={backHref}>
          {slipControls.back}
        </a>
      </div>
      {detail.error ? <Notice tone="error" text={describeError(detail.error)} actionLabel={common.actions.retry} onAction={detail.reload} /> : null}
      {!appointment && !detail.error ? <p role="status">{common.loading}</p> : null}
      {appointment && !appointment.checkInCode ? <Notice tone="error" text={slipControls.noCode} /> : null}
      {appointment?.checkInCode ? <CheckInSlip appointment={appointment} code={appointment.checkInCode} paper={paper} /> : null}
    </section>
  );
}
