import { AUDIT_ACTIONS } from '@madoguchi/contract/audit';
import type { AuditAction } from '@madoguchi/contract/audit';
import { listAudit } from '../../api/audit-api';
import type { AuditFilter } from '../../api/audit-api';
import { navigate } from '../../app/navigate';
import type { RouteQuery } from '../../app/routes';
import { Notice } from '../../components/notice';
import { PaginationNav } from '../../components/pagination-nav';
import { choicesOf } from '../../components/select-choices';
import { SelectField } from '../../components/select-field';
import { useApiData } from '../../hooks/use-api-data';
import { auditMessages } from '../../i18n/audit-messages';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { AuditTable } from './audit-table';
import { PageSection } from '../../components/page-section';

const PAGE_SIZE = 50;

function filterFromQuery(query: RouteQuery): AuditFilter {
  const page = Number(query['page']);
  const action = query['action'];
  const filter: AuditFilter = { page: Number.isInteger(page) && page >= 1 ? page : 1, pageSize: PAGE_SIZE };
  if (action && (AUDIT_ACTIONS as readonly string[]).includes(action)) filter.action = action as AuditAction;
  return filter;
}

function queryFor(action: AuditAction | undefined, page: number): Record<string, string> {
  const query: Record<string, string> = {};
  if (action) query['action'] = action;
  if (page > 1) query['page'] = String(page);
  return query;
}

/** 監査ログ: who did what, newest first, filterable by action. */
export function AuditPage({ query }: { query: RouteQuery }) {
  const filter = filterFromQuery(query);
  const entries = useApiData((o) => listAudit(filter, o), JSON.stringify(filter));
  const data = entries.data;
  const go = (action: AuditAction | undefined, page: number) => navigate({ name: 'audit', query: queryFor(action, page) }, { replace: true });

  return (
    <PageSection heading={auditMessages.heading} wide>
      <div className="filters">
        <SelectField
          label={auditMessages.action}
          className="field--inline"
          value={filter.action ?? ''}
          emptyLabel={auditMessages.all}
          choices={choicesOf(AUDIT_ACTIONS, auditMessages.actions)}
          onChange={(action) => go(action || undefined, 1)}
        />
      </div>
      {entries.error ? <Notice tone="error" text={describeError(entries.error)} actionLabel={common.actions.retry} onAction={entries.reload} /> : null}
      {entries.loading ? <p role="status">{common.loading}</p> : null}
      {data && data.items.length === 0 ? <Notice text={auditMessages.empty} /> : null}
      {data && data.items.length > 0 ? (
        <>
          <AuditTable entries={data.items} />
          <PaginationNav page={data.page} pageSize={data.pageSize} total={data.total} texts={common.pagination} onPage={(p) => go(filter.action, p)} />
        </>
      ) : null}
    </PageSection>
  );
}
