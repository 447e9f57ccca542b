import type { ConsultationLeg } from '@madoguchi/contract/consultation-legs';
import { hrefFor } from '../../app/routes';
import { common } from '../../i18n/common-messages';
import { legMessages as t } from '../../i18n/leg-messages';
import { formatTimestamp } from '../../time/jst-format';

/** A leg's department in words; the general counter has none. */
export const departmentOf = (leg: ConsultationLeg | undefined): string => leg?.departmentName ?? t.generalCounter;

/** What happened in one leg, in plain words: answered when, then handed over or ended. */
function legStory(leg: ConsultationLeg, next: ConsultationLeg | undefined): string[] {
  const lines = [leg.staffName ? t.staff(leg.staffName) : t.notAnswered];
  if (leg.answeredAt) lines.push(t.answered(formatTimestamp(leg.answeredAt)));
  if (!leg.endedAt || !leg.endReason) lines.push(t.waiting);
  else if (leg.endReason === 'transferred' && next) lines.push(t.handedOver(formatTimestamp(leg.endedAt), departmentOf(next)));
  else lines.push(t.ended(formatTimestamp(leg.endedAt), common.endReason[leg.endReason]));
  if (leg.answeredAt) lines.push(leg.outcomeCode ? t.outcome(common.outcome[leg.outcomeCode]) : t.noOutcome);
  return lines;
}

/**
 * A consultation handed between departments, leg by leg: who served the resident in which
 * department, when, and with what outcome. Shown only when there was more than one leg.
 */
export function RecordLegs({ legs, currentId }: { legs: readonly ConsultationLeg[]; currentId: string }) {
  if (legs.length < 2) return null;
  return (
    <section aria-labelledby="record-legs" className="card">
      <h2 id="record-legs" className="card__title">
        {t.heading(legs.length)}
      </h2>
      <ol className="legs">
        {legs.map((leg, index) => (
          <li key={leg.consultationId} className="legs__item" aria-current={leg.consultationId === currentId ? 'true' : undefined}>
            <strong>{t.legTitle(leg.leg, departmentOf(leg))}</strong>{' '}
            {leg.consultationId === currentId ? (
              <span>{t.thisRecord}</span>
            ) : (
              <a href={hrefFor({ name: 'consultation', id: leg.consultationId })}>{t.openLeg(leg.leg)}</a>
            )}
            <p className="legs__story">{legStory(leg, legs[index + 1]).join(' ／ ')}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
