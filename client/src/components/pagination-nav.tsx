export interface PaginationTexts {
  label: string;
  previous: string;
  next: string;
  summary: (first: number, last: number, total: number) => string;
  page: (page: number, pages: number) => string;
}

export interface PaginationNavProps {
  page: number;
  pageSize: number;
  total: number;
  texts: PaginationTexts;
  onPage: (page: number) => void;
}

export function PaginationNav({ page, pageSize, total, texts, onPage }: PaginationNavProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={texts.label}>
      <p className="pagination__summary" aria-live="polite">
        {texts.summary(first, last, total)} · {texts.page(page, pages)}
      </p>
      <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {texts.previous}
      </button>
      <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {texts.next}
      </button>
    </nav>
  );
}
