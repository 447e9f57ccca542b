import type { ReactNode } from 'react';
import type { SessionRecord } from '@madoguchi/contract/consultation';
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
export function RecordFacts({ session }: { session: SessionRecord }) {
  const { auth } = useAuth();
  return (
    <div className="facts-columns">
      <section aria-labelledby="session-times">
        <h2 id="session-times" className="card__title">
          {t.times}
        </h2>
        <dl className="facts">
          <Fact label={t.queuedAt}>{at(session.queuedAt)}</Fact>
          <Fact label={t.answeredAt}>{at(session.answeredAt)}</Fact>
          <Fact label={t.endedAt}>{at(session.endedAt)}</Fact>
          <Fact label={t.endReason}>{session.endReason ? common.endReason[session.endReason] : common.none}</Fact>
          {session.answeredAt ? <Fact label={t.mediaPath}>{t.mediaFlag[session.mediaFlag ?? 'normal']}</Fact> : null}
          <Fact label={t.wait}>{seconds(session.waitSeconds)}</Fact>
          <Fact label={t.duration}>{seconds(session.durationSeconds)}</Fact>
        </dl>
      </section>
      <section aria-labelledby="session-people">
        <h2 id="session-people" className="card__title">
          {t.people}
        </h2>
        <dl className="facts">
          <Fact label={c.kind}>{common.sessionKind[session.kind]}</Fact>
          <Fact label={c.status}>{common.sessionStatus[session.status]}</Fact>
          <Fact label={c.department}>{session.departmentName ?? common.none}</Fact>
          <Fact label={c.kiosk}>
            {session.kioskName}（{session.kioskLocation}）
          </Fact>
          <Fact label={c.staff}>{session.staffName ?? recordMessages.unassigned}</Fact>
          <Fact label={t.satisfaction}>{session.satisfaction === null ? t.notRated : t.satisfactionValue(session.satisfaction)}</Fact>
          {session.appointmentId && auth?.user.role === 'admin' ? (
            <Fact label={t.appointment}>
              <a href={hrefFor({ name: 'calendar', query: { open: session.appointmentId } })}>{t.openAppointment}</a>
            </Fact>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
