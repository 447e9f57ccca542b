import { getCallContext } from '../../api/consultations-api';
import { useApiData } from '../../hooks/use-api-data';
import { common } from '../../i18n/common-messages';
import { consoleMessages } from '../../i18n/console-messages';
import { languageName } from '../../i18n/messages';
import { formatDateTime } from '../../time/jst-format';
import { needLabels } from './need-labels';

const t = consoleMessages.resident;

/**
 * Who the desk is talking to, kept in view for the whole call: the booked name, language, support
 * needs, topic and notes, and the resident's other appointments. Loaded from the server by consultation
 * id, so it is there again after a reload of the console.
 */
export function ResidentContext({ consultationId }: { consultationId: string }) {
  const context = useApiData((o) => getCallContext(consultationId, o), consultationId);
  const data = context.data;
  if (context.error) {
    return (
      <section className="resident-context" aria-label={t.heading}>
        <p role="alert">{t.loadFailed}</p>
        <button type="button" className="button button--small button--secondary" onClick={context.reload}>
          {t.retry}
        </button>
      </section>
    );
  }
  if (!data) return null;
  const resident = data.resident;
  const needs = needLabels(resident?.needs ?? null);
  return (
    <section className="resident-context" aria-labelledby="resident-context-heading">
      <h3 id="resident-context-heading" className="resident-context__heading">
        {t.heading}
        <span className="resident-context__kind">{resident ? t.booked(formatDateTime(resident.startsAt)) : t.walkIn}</span>
      </h3>
      <dl className="resident-context__facts">
        {resident ? (
          <div>
            <dt>{t.name}</dt>
            <dd className="resident-context__name">
              {resident.name}
              {resident.kana ? <span className="resident-context__kana">（{resident.kana}）</span> : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t.language}</dt>
          <dd>{languageName(data.language)}</dd>
        </div>
        {resident ? (
          <>
            <div>
              <dt>{t.needs}</dt>
              <dd>
                {needs.length === 0
                  ? t.noNeeds
                  : needs.map((need) => (
                      <span key={need} className="badge badge--need">
                        {need}
                      </span>
                    ))}
              </dd>
            </div>
            <div>
              <dt>{t.topic}</dt>
              <dd>{resident.topic || t.none}</dd>
            </div>
            <div>
              <dt>{t.notes}</dt>
              <dd className="resident-context__notes">{resident.notes || t.none}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {resident ? (
        <details className="resident-context__history" open={data.history.length > 0}>
          <summary>
            {t.history}（{data.history.length}）
          </summary>
          {data.history.length === 0 ? (
            <p>{t.noHistory}</p>
          ) : (
            <ol>
              {data.history.map((visit) => (
                <li key={visit.appointmentId}>
                  <span>{formatDateTime(visit.startsAt)}</span> {visit.departmentName} ・ {common.appointmentStatus[visit.status]}
                  {visit.outcomeCode ? ` ・ ${common.outcome[visit.outcomeCode]}` : ''}
                  {visit.topic ? <span className="resident-context__topic">{visit.topic}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </details>
      ) : null}
    </section>
  );
}
