import type { CreateQuickPhraseRequest, QuickPhrase } from '@madoguchi/contract/quick-phrases';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function listQuickPhrases(options: RequestOptions): Promise<QuickPhrase[]> {
  return callRoute<QuickPhrase[]>('listQuickPhrases', options);
}

export function createQuickPhrase(body: CreateQuickPhraseRequest, options: RequestOptions): Promise<QuickPhrase> {
  return callRoute<QuickPhrase>('createQuickPhrase', { ...options, body });
}

export function deleteQuickPhrase(id: string, options: RequestOptions): Promise<null> {
  return callRoute<null>('deleteQuickPhrase', { ...options, params: { id } });
}
