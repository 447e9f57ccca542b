import type { CreateQuickPhraseRequest, QuickPhrase } from '@madoguchi/contract/quick-phrases';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function listQuickPhrases(options: RequestOptions): Promise<QuickPhrase[]> {
  return callRoute('listQuickPhrases', options);
}

export function createQuickPhrase(body: CreateQuickPhraseRequest, options: RequestOptions): Promise<QuickPhrase> {
  return callRoute('createQuickPhrase', { ...options, body });
}

export function deleteQuickPhrase(id: string, options: RequestOptions): Promise<null> {
  return callRoute('deleteQuickPhrase', { ...options, params: { id } });
}
