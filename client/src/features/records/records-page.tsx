import { listConsultations } from '../../api/consultations-api';
import { navigate } from '../../app/navigate';
import type { RouteQuery } from '../../app/routes';
import { Notice } from '../../components/notice';
import { PaginationNav } from '../../components/pagination-nav';
import { useApiData } from '../../hooks/use-api-data';
import { useAuth } from '../../hooks/use-auth';
import { useAllStaff, useDepartments, useKiosks } from '../../hooks/use-reference-data';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { recordMessages } from '../../i18n/record-messages';
import { pageFromQuery, consultationFilter, consultationFormFromQuery, consultationQuery } from './record-filter';
import { RecordFilterForm } from './record-filter-form';
import { RecordsTable } from './records-table';
import { PageSection } from '../../components/page-section';

/** 相談記録: the filterable, paged list; the filters live in the URL so "back" keeps them. */
export function RecordsPage({ query }: { query: RouteQuery }) {
  const { auth } = useAuth();
  const isAdmin = auth?.user.role === 'admin';
  const form = consultationFormFromQuery(query);
  const page = pageFromQuery(query);
  const filter = consultationFilter(form, page);
  const consultations = useApiData((o) => listConsultations(filter, o), JSON.stringify(filter));
  const departments = useDepartments();
  const kiosks = useKiosks();
  const staff = useAllStaff(isAdmin);
  const result = consultations.data;

  return (
    <PageSection heading={recordMessages.heading}>
      <RecordFilterForm
        key={JSON.stringify(form)}
        initial={form}
        departments={departments.data ?? []}
        kiosks={kiosks.data ?? []}
        staff={isAdmin ? (staff.data ?? []) : null}
        onApply={(next) => navigate({ name: 'consultations', query: consultationQuery(next) }, { replace: true })}
      />
      {consultations.error ? <Notice tone="error" text={describeError(consultations.error)} actionLabel={common.actions.retry} onAction={consultations.reload} /> : null}
      {consultations.loading ? <p role="status">{common.loading}</p> : null}
      {result && result.items.length === 0 ? <Notice text={recordMessages.empty} /> : null}
      {result && result.items.length > 0 ? (
        <>
          <RecordsTable consultations={result.items} />
          <PaginationNav
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            texts={common.pagination}
            onPage={(next) => navigate({ name: 'consultations', query: consultationQuery(form, next) }, { replace: true })}
          />
        </>
      ) : null}
    </PageSection>
  );
}
