import type { ApiScope } from '@madoguchi/contract/api-scopes';
import type { SpecialAddressKind, WebhookDeliveryStatus, WebhookEvent } from '@madoguchi/contract/integrations';
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
    /** Where this server lets webhooks go, above the form (WebhookDestinations). */
    destinations: {
      loading: string;
      /** The `*` entry, in the list of hosts. */
      anyPublicHost: string;
      listedHosts: (hosts: string) => string;
      /** Between hosts in that list. */
      separator: string;
      httpsOnly: string;
      httpAllowed: string;
      nothingAllowed: string;
      askAdministrator: string;
    };
    /** The server's refusal of a URL, by its reason (WebhookUrlRefusal), saying what to do. */
    refused: {
      invalidUrl: string;
      httpsRequired: string;
      credentialsInUrl: string;
      hostNotAllowed: (host: string) => string;
      hostUnresolvable: (host: string) => string;
      specialAddress: (host: string, address: string, kind: string) => string;
      addressKind: Record<SpecialAddressKind, string>;
    };
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
    destinations: { listedHosts: ['hosts'] },
    refused: { hostNotAllowed: ['host'], hostUnresolvable: ['host'], specialAddress: ['host', 'address', 'kind'] },
  },
  log: { nextTry: ['at'] },
});
