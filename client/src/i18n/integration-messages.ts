import type { ApiScope } from '@madoguchi/contract/api-scopes';
import { WEBHOOK_URL_REFUSALS, type WebhookDeliveryStatus, type WebhookEvent, type WebhookUrlRefusal } from '@madoguchi/contract/integrations';
import { sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/integration.json';
import ja from './ja/integration.json';
import { localized } from './language';

export interface IntegrationMessages {
  shownOnce: string;
  copiedClose: string;
  /** The safe choice of a confirmation. */
  keep: string;
  never: string;
  columns: { actions: string };
  scopes: Record<ApiScope, string>;
  events: Record<WebhookEvent, string>;
  keys: {
    heading: string;
    lead: string;
    empty: string;
    name: string;
    nameHint: string;
    scopesLegend: string;
    nameRequired: string;
    scopesRequired: string;
    create: string;
    created: string;
    revoke: string;
    /** The row's revoke button, for screen readers: which key. */
    revokeNamed: (name: string) => string;
    revokeTitle: string;
    revoked: string;
    confirmRevoke: (name: string) => string;
    active: string;
    revokedAt: (at: string) => string;
    secretTitle: string;
    secretHint: string;
    columns: { name: string; prefix: string; scopes: string; lastUsed: string; state: string };
  };
  hooks: {
    heading: string;
    lead: string;
    empty: string;
    url: string;
    urlHint: string;
    description: string;
    eventsLegend: string;
    urlRequired: string;
    eventsRequired: string;
    /** Why the server refused a URL, in words that say what to change or whom to ask; `host` where one is named. */
    refused: Record<WebhookUrlRefusal, (host: string) => string>;
    create: string;
    created: string;
    disable: string;
    /** The row's stop button, for screen readers: which endpoint. */
    disableNamed: (url: string) => string;
    disableTitle: string;
    disabled: string;
    confirmDisable: (url: string) => string;
    active: string;
    stopped: string;
    secretTitle: string;
    secretHint: string;
    columns: { url: string; events: string };
  };
  reissueLink: {
    button: string;
    title: string;
    body: string;
    confirm: string;
    cancel: string;
    issuedTitle: string;
    issuedHint: string;
    warning: string;
    done: string;
  };
  log: {
    heading: string;
    reload: string;
    empty: string;
    nextTry: (at: string) => string;
    status: Record<WebhookDeliveryStatus, string>;
    columns: { at: string; event: string; status: string; attempts: string; response: string; error: string };
  };
}

/** The words are in `ja/integration.json` and `en/integration.json`. */
export const integrationMessages: IntegrationMessages = localized<IntegrationMessages>(sameKeysAsJapanese({ ja, en }), {
  keys: { confirmRevoke: ['name'], revokeNamed: ['name'], revokedAt: ['at'] },
  hooks: {
    confirmDisable: ['url'],
    disableNamed: ['url'],
    refused: Object.fromEntries(WEBHOOK_URL_REFUSALS.map((reason) => [reason, ['host']])) as Record<WebhookUrlRefusal, ['host']>,
  },
  log: { nextTry: ['at'] },
});
