import { ErrorCode } from '@madoguchi/contract/errors';
import { webhookUrlRefusalOf, type WebhookDestinations } from '@madoguchi/contract/integrations';
import { ApiError } from '../../api/api-error';
import { integrationMessages } from '../../i18n/integration-messages';

const t = integrationMessages.hooks;

/**
 * What to tell the admin when the server refused the webhook URL (the allow-list's reason, or the
 * request check naming the `url` field), in the admin's language; null for any other error, which
 * the card words as usual (describeError).
 */
export function webhookUrlErrorText(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== ErrorCode.BadRequest) return null;
  const refusal = webhookUrlRefusalOf(error.details);
  const host = refusal?.host ?? '';
  switch (refusal?.reason) {
    case 'invalid_url':
      return t.refused.invalidUrl;
    case 'https_required':
      return t.refused.httpsRequired;
    case 'credentials_in_url':
      return t.refused.credentialsInUrl;
    case 'host_not_allowed':
      return t.refused.hostNotAllowed(host);
    case 'host_unresolvable':
      return t.refused.hostUnresolvable(host);
    case 'special_address':
      return t.refused.specialAddress(host, refusal.address ?? '', t.refused.addressKind[refusal.addressKind ?? 'other']);
    case undefined:
      // The request check (zod) refuses a malformed URL before the allow-list sees it: its issues name the field.
      return namesUrlField(error.details) ? t.refused.invalidUrl : null;
  }
}

function namesUrlField(details: unknown): boolean {
  return Array.isArray(details) && details.some((issue) => (issue as { path?: unknown } | null)?.path === 'url');
}

/** The hint above the form: which hosts, and whether http is allowed; one sentence each. */
export function webhookDestinationLines(destinations: WebhookDestinations): string[] {
  const hosts = [...(destinations.anyPublicHost ? [t.destinations.anyPublicHost] : []), ...destinations.entries];
  if (hosts.length === 0) return [t.destinations.nothingAllowed];
  return [
    t.destinations.listedHosts(hosts.join(t.destinations.separator)),
    destinations.allowHttp ? t.destinations.httpAllowed : t.destinations.httpsOnly,
    t.destinations.askAdministrator,
  ];
}
