import type { QuickPhraseRepository } from '../../db/repositories/quick-phrase-repository';
import { AppError } from '../../domain/app-error';
import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** Quick phrases: every desk reads them; admins add and remove them (設定), audited. */
export function registerQuickPhraseRoutes(api: ApiRegistry, deps: RouteDeps & { phrases: QuickPhraseRepository }): void {
  api.handle('listQuickPhrases', async () => deps.phrases.list());

  api.handle('createQuickPhrase', async ({ body, caller }) => {
    const phrase = await deps.phrases.create(body.texts);
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'quick_phrase_created', targetType: 'quick_phrase', targetId: phrase.id });
    return phrase;
  });

  api.handle('deleteQuickPhrase', async ({ params, caller }) => {
    if (!(await deps.phrases.delete(params.id))) throw AppError.notFound('quick phrase');
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'quick_phrase_deleted', targetType: 'quick_phrase', targetId: params.id });
    return null;
  });
}
