import type { ApiRunner } from '../../hooks/use-api';
import { fetchFormPdf } from './forms-api';

/** Opens a signed PDF in a new tab (the server audits the fetch); the blob URL is freed after a minute. */
export async function openFormPdf(run: ApiRunner['run'], documentId: string): Promise<void> {
  const blob = await run((o) => fetchFormPdf(documentId, o));
  const url = URL.createObjectURL(blob);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
