import type { ReactNode } from 'react';
import type { ConsultationRecord } from '@madoguchi/contract/consultation';
import { hrefFor } from '../../app/routes';
import { useAuth } from '../../hooks/use-auth';
import { common } from '../../i18n/common-messages';
import { recordMessages } from '../../i18n/record-messages';
import { formatTimestamp } from '../../time/jst-format';

const t = recordMessages.detail;
const c = recordMessages.columns;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const at = (instant: string | null) => (instant ? <time dateTime={instant}>{formatTimestamp(instant)}</time> : common.none);
const seconds = (value: number | null) => (value === null ? common.none : common.seconds(value));

/** Times, derived wait and duration, who and where, and the resident's rating. */
export function RecordFacts({ consultation }: { consultation: ConsultationRecord }) {
  const { auth } = useAuth();
  return (
    <div className="facts-columns">
      <section aria-labelledby="consultation-times">
        <h2 id="consultation-times" className="card__title">
          {t.times}
        </h2>
        <dl className="facts">
          <Fact label={t.queuedAt}>{at(consultation.queuedAt)}</Fact>
          <Fact label={t.answeredAt}>{at(consultation.answeredAt)}</Fact>
          <Fact label={t.endedAt}>{at(consultation.endedAt)}</Fact>
          <Fact label={t.endReason}>{consultation.endReason ? common.endReason[consultation.endReason] : common.none}</Fact>
          {consultation.answeredAt ? <Fact label={t.mediaPath}>{t.mediaFlag[consultation.mediaFlag ?? 'normal']}</Fact> : null}
          <Fact label={t.wait}>{seconds(consultation.waitSeconds)}</Fact>
          <Fact label={t.duration}>{seconds(consultation.durationSeconds)}</Fact>
        </dl>
      </section>
      <section aria-labelledby="consultation-people">
        <h2 id="consultation-people" className="card__title">
          {t.people}
        </h2>
        <dl className="facts">
          <Fact label={c.kind}>{common.consultationKind[consultation.kind]}</Fact>
          <Fact label={c.status}>{common.consultationStatus[consultation.status]}</Fact>
          <Fact label={c.department}>{consultation.departmentName ?? common.none}</Fact>
          <Fact label={c.kiosk}>
            {consultation.kioskName}（{consultation.kioskLocation}）
          </Fact>
          <Fact label={c.staff}>{consultation.staffName ?? recordMessages.unassigned}</Fact>
          <Fact label={t.satisfaction}>{consultation.satisfaction === null ? t.notRated : t.satisfactionValue(consultation.satisfaction)}</Fact>
          {consultation.appointmentId && auth?.user.role === 'admin' ? (
            <Fact label={t.appointment}>
              <a href={hrefFor({ name: 'calendar', query: { open: consultation.appointmentId } })}>{t.openAppointment}</a>
            </Fact>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
