import { Notice } from './notice';

export interface ListStatusProps {
  /** The result of the last change, e.g. 「部署を追加しました。」 */
  success?: string | null;
  /** A failed change. */
  actionError?: string | null;
  /** A failed load, with a retry button. */
  loadError?: string | null;
  retryLabel: string;
  onRetry: () => void;
  empty: boolean;
  emptyText: string;
}

/** The notices above a list: what just happened, what failed, or that there is nothing yet. */
export function ListStatus({ success, actionError, loadError, retryLabel, onRetry, empty, emptyText }: ListStatusProps) {
  return (
    <>
      {success ? <Notice tone="success" text={success} /> : null}
      {actionError ? <Notice tone="error" text={actionError} /> : null}
      {loadError ? <Notice tone="error" text={loadError} actionLabel={retryLabel} onAction={onRetry} /> : null}
      {empty ? <Notice text={emptyText} /> : null}
    </>
  );
}
