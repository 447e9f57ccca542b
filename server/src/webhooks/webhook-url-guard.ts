import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { SpecialAddressKind, WebhookDestinations, WebhookUrlRefusal } from '@madoguchi/contract/integrations';
import { AppError } from '../domain/app-error';

/** WEBHOOK_ALLOWED_HOSTS and WEBHOOK_ALLOW_HTTP (README, settings table). */
export interface WebhookUrlSettings {
  /**
   * Comma-separated: `*` (any host whose addresses are all public), a host name
   * (`hooks.town.example.jp`), a wildcard (`*.town.example.jp`), an address (`10.2.3.4`, `::1`)
   * or a network (`10.20.0.0/16`). Private, loopback, link-local and other special addresses are
   * reached only when an address or network entry covers them.
   */
  allowedHosts: string;
  /** `http:` URLs too (a closed network without TLS); otherwise https only. */
  allowHttp: boolean;
}

export const DEFAULT_WEBHOOK_URL_SETTINGS: WebhookUrlSettings = { allowedHosts: '*', allowHttp: false };

type Family = 'ipv4' | 'ipv6';

/**
 * Addresses no webhook goes to unless the allow-list names them: this host, the town's own
 * networks, link-local (cloud metadata at 169.254.169.254 among them), documentation, multicast
 * and reserved ranges. IPv4-mapped IPv6 addresses match their IPv4 entries (BlockList does that).
 */
const SPECIAL_RANGES: readonly [string, number, Family, string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', 'reserved'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['64:ff9b::', 96, 'ipv6', 'NAT64'],
  ['64:ff9b:1::', 48, 'ipv6', 'NAT64'],
  ['100::', 64, 'ipv6', 'discard'],
  ['2001::', 23, 'ipv6', 'reserved'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['2002::', 16, 'ipv6', '6to4'],
  ['fc00::', 7, 'ipv6', 'private (unique local)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const special = SPECIAL_RANGES.map(([network, prefix, family, kind]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, kind };
});

/** The kinds an admin acts on (the admin app words these); the finer ones stay in the English message. */
function addressKindOf(kind: string): SpecialAddressKind {
  if (kind === 'loopback') return 'loopback';
  if (kind.startsWith('private')) return 'private';
  if (kind.startsWith('link-local')) return 'link_local';
  return 'other';
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*$/;

const familyOf = (address: string): Family => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** What kind of special address this is (`loopback`, `link-local (cloud metadata)`…), or null for a public one. */
export function specialKindOf(address: string): string | null {
  const family = familyOf(address);
  return special.find((range) => range.list.check(address, family))?.kind ?? null;
}

/** A parsed WEBHOOK_ALLOWED_HOSTS; throws on an entry it cannot read (at start-up, not at the first delivery). */
export function parseAllowList(text: string): { anyPublicHost: boolean; names: Set<string>; suffixes: string[]; addresses: BlockList; addressEntries: number } {
  const names = new Set<string>();
  const suffixes: string[] = [];
  const addresses = new BlockList();
  let anyPublicHost = false;
  let addressEntries = 0;
  for (const raw of text.split(',')) {
    const entry = raw.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (entry === '') continue;
    if (entry === '*') {
      anyPublicHost = true;
      continue;
    }
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr?.[1] && isIP(cidr[1]) !== 0) {
      const family = familyOf(cidr[1]);
      const prefix = Number(cidr[2]);
      if (prefix > (family === 'ipv4' ? 32 : 128)) throw new Error(`WEBHOOK_ALLOWED_HOSTS: bad network ${raw.trim()}`);
      addresses.addSubnet(cidr[1], prefix, family);
      addressEntries += 1;
    } else if (isIP(entry) !== 0) {
      addresses.addAddress(entry, familyOf(entry));
      addressEntries += 1;
    } else if (entry.startsWith('*.') && HOST_NAME.test(entry.slice(2))) {
      suffixes.push(entry.slice(1));
    } else if (HOST_NAME.test(entry)) {
      names.add(entry);
    } else {
      throw new Error(`WEBHOOK_ALLOWED_HOSTS: cannot read "${raw.trim()}" (a host name, *.domain, an address, a network like 10.0.0.0/8, or *)`);
    }
  }
  return { anyPublicHost, names, suffixes, addresses, addressEntries };
}

/**
 * A 400 with the English message for API callers and a machine reason the admin app words. `details`
 * is a list of issues like every other 400's; its one entry names `url` and adds the reason (WebhookUrlRefusal).
 */
const refused = (message: string, refusal: Omit<WebhookUrlRefusal, 'path' | 'message'>): AppError => {
  const issue: WebhookUrlRefusal = { path: 'url', message, ...refusal };
  return AppError.badRequest(message, [issue]);
};

/**
 * Where webhooks may go (issue 19, SSRF guard). At registration: https (http only when the
 * setting allows it), no credentials in the URL, a host the allow-list names, and every address
 * the name resolves to either public or covered by an address entry. At each delivery the URL is
 * checked again and the connection goes only to addresses checked by `lookup`, so a name that
 * later resolves elsewhere (DNS rebinding, a changed record) is refused then.
 */
export class WebhookUrlGuard {
  private readonly allow: ReturnType<typeof parseAllowList>;

  constructor(private readonly settings: WebhookUrlSettings) {
    this.allow = parseAllowList(settings.allowedHosts);
  }

  /** The allow-list as the admin's webhook form shows it, before anything is typed. */
  destinations(): WebhookDestinations {
    const entries = this.settings.allowedHosts
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '' && entry !== '*');
    return { anyPublicHost: this.allow.anyPublicHost, entries, allowHttp: this.settings.allowHttp };
  }

  /** The URL alone, without DNS: scheme, credentials, host against the allow-list. Throws 400. */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw refused('the webhook URL is not a valid URL', { reason: 'invalid_url' });
    }
    const host = hostOf(url);
    if (url.protocol === 'http:' && !this.settings.allowHttp) {
      throw refused('webhook URLs must use https (http is allowed only when the server sets WEBHOOK_ALLOW_HTTP=true, e.g. on a closed network)', { reason: 'https_required', host });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused('webhook URLs must use https', { reason: 'https_required', host });
    if (url.username !== '' || url.password !== '') {
      throw refused('a webhook URL must not contain a user name or password; the signature authenticates each delivery', { reason: 'credentials_in_url', host });
    }
    if (!this.hostListed(host)) {
      throw refused(`${host} is not in the webhook allow-list (WEBHOOK_ALLOWED_HOSTS); ask the server administrator to add it`, { reason: 'host_not_allowed', host });
    }
    return url;
  }

  /** Registration: the URL, then the addresses its host has now. Throws 400. */
  async checkRegistration(raw: string): Promise<URL> {
    const url = this.checkUrl(raw);
    const host = hostOf(url);
    if (isIP(host) !== 0) {
      this.checkAddress(host, host);
      return url;
    }
    let found: { address: string }[];
    try {
      found = await dns.promises.lookup(host, { all: true });
    } catch {
      throw refused(`${host} cannot be resolved from the server; check the name`, { reason: 'host_unresolvable', host });
    }
    for (const { address } of found) this.checkAddress(host, address);
    return url;
  }

  /** Throws (400) when `address` is special and no address entry covers it. */
  checkAddress(host: string, address: string): void {
    const kind = specialKindOf(address);
    if (kind === null || this.allow.addresses.check(address, familyOf(address))) return;
    const via = host === address ? '' : ` (${host} resolves to it)`;
    throw refused(`${address} is a ${kind} address${via}; webhooks go there only if WEBHOOK_ALLOWED_HOSTS names that address or its network`, {
      reason: 'special_address',
      host,
      address,
      addressKind: addressKindOf(kind),
    });
  }

  /** For http(s).request: resolves like the system does and refuses a forbidden address before connecting. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) {
        callback(error, '', 4);
        return;
      }
      try {
        for (const { address } of found) this.checkAddress(hostname, address);
      } catch (refusal) {
        callback(Object.assign(new Error(refusal instanceof Error ? refusal.message : 'address refused'), { code: 'EWEBHOOKADDRESS' }), '', 4);
        return;
      }
      if (options.all) {
        (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, found);
        return;
      }
      const first = found[0];
      if (!first) callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
      else callback(null, first.address, first.family);
    });
  };

  private hostListed(host: string): boolean {
    if (isIP(host) !== 0) return this.allow.anyPublicHost || this.allow.addresses.check(host, familyOf(host));
    if (this.allow.anyPublicHost || this.allow.names.has(host)) return true;
    return this.allow.suffixes.some((suffix) => host.endsWith(suffix));
  }
}

/** The URL's host without IPv6 brackets or a trailing dot, lower case. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
}
