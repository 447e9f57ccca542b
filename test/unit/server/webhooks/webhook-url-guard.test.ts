import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../../server/src/config/config';
import { AppError } from '../../../../server/src/domain/app-error';
import { parseAllowList, specialKindOf, WebhookUrlGuard } from '../../../../server/src/webhooks/webhook-url-guard';

const refusal = async (guard: WebhookUrlGuard, url: string): Promise<string> => {
  try {
    await guard.checkRegistration(url);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'accepted';
};

describe('webhook URL guard (SSRF)', () => {
  it('sorts addresses into public and special ones, IPv4-mapped IPv6 included', () => {
    for (const [address, kind] of [
      ['169.254.169.254', 'link-local (cloud metadata)'],
      ['127.0.0.1', 'loopback'],
      ['10.1.2.3', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.0.1', 'private'],
      ['100.64.0.1', 'shared (carrier-grade NAT)'],
      ['0.0.0.0', 'unspecified'],
      ['::1', 'loopback'],
      ['fe80::1', 'link-local'],
      ['fd00:ec2::254', 'private (unique local)'],
      ['::ffff:169.254.169.254', 'link-local (cloud metadata)'],
      ['::ffff:7f00:1', 'loopback'],
    ] as const) {
      assert.equal(specialKindOf(address), kind, address);
    }
    for (const address of ['8.8.8.8', '203.0.114.1', '172.32.0.1', '2400:4050::1']) assert.equal(specialKindOf(address), null, address);
  });

  it('with the default (`*`, https only): public hosts yes; http, credentials, metadata, loopback and private addresses no', async () => {
    const guard = new WebhookUrlGuard({ allowedHosts: '*', allowHttp: false });
    assert.equal(await refusal(guard, 'https://8.8.8.8/hook'), 'accepted');
    assert.match(await refusal(guard, 'http://8.8.8.8/hook'), /must use https .*WEBHOOK_ALLOW_HTTP=true/);
    assert.match(await refusal(guard, 'https://user:pw@8.8.8.8/hook'), /user name or password/);
    assert.match(await refusal(guard, 'https://token@8.8.8.8/hook'), /user name or password/);
    assert.match(await refusal(guard, 'https://169.254.169.254/latest/meta-data'), /169\.254\.169\.254 is a link-local \(cloud metadata\) address/);
    assert.match(await refusal(guard, 'https://[::ffff:a9fe:a9fe]/'), /link-local/);
    assert.match(await refusal(guard, 'https://127.0.0.1:8443/'), /loopback/);
    assert.match(await refusal(guard, 'https://10.0.0.5/'), /10\.0\.0\.5 is a private address/);
    assert.match(await refusal(guard, 'https://localhost/'), /loopback address \(localhost resolves to it\)/);
    assert.match(await refusal(guard, 'ftp://8.8.8.8/'), /https/);
  });

  it('a closed network names its hosts and networks: names choose the host, address entries open special addresses', async () => {
    const guard = new WebhookUrlGuard({ allowedHosts: 'hooks.town.local, *.lg.example.jp, 10.20.0.0/16, 127.0.0.1', allowHttp: true });
    assert.equal(await refusal(guard, 'http://10.20.3.4:8080/hook'), 'accepted');
    assert.equal(await refusal(guard, 'http://127.0.0.1:8080/hook'), 'accepted');
    assert.match(await refusal(guard, 'http://10.21.3.4/hook'), /10\.21\.3\.4 is not in the webhook allow-list/);
    assert.match(await refusal(guard, 'http://127.0.0.2/hook'), /not in the webhook allow-list/);
    assert.match(await refusal(guard, 'http://other.town.local/hook'), /other\.town\.local is not in the webhook allow-list/);
    assert.doesNotThrow(() => guard.checkUrl('https://line.lg.example.jp/h'));
    assert.doesNotThrow(() => guard.checkUrl('https://HOOKS.town.local./h'), 'case and a trailing dot do not matter');
    assert.throws(() => guard.checkUrl('https://lg.example.jp.evil.example/h'), /not in the webhook allow-list/);
    assert.throws(() => guard.checkUrl('https://evil-lg.example.jp/h'), /not in the webhook allow-list/);
    // A listed name that does not resolve is refused at registration.
    assert.match(await refusal(guard, 'http://hooks.town.local/h'), /cannot be resolved/);
    // A listed name resolving to an address no entry covers is refused, whatever the name.
    const byName = new WebhookUrlGuard({ allowedHosts: 'localhost', allowHttp: true });
    assert.match(await refusal(byName, 'http://localhost:9/h'), /loopback address \(localhost resolves to it\)/);
  });

  it('each refusal carries a machine reason (details) the admin app words, with the host and the address kind', async () => {
    const reasonOf = async (guard: WebhookUrlGuard, url: string): Promise<unknown> => {
      try {
        await guard.checkRegistration(url);
      } catch (error) {
        assert.ok(error instanceof AppError, String(error));
        assert.equal(error.code, 'BAD_REQUEST');
        // details is a list of issues like every other 400's: one entry, naming url, with the English message.
        assert.ok(Array.isArray(error.details), 'details is a list');
        assert.equal(error.details.length, 1);
        const { message, ...refusal } = error.details[0] as { message: string };
        assert.equal(message, error.message);
        return refusal;
      }
      return 'accepted';
    };
    const strict = new WebhookUrlGuard({ allowedHosts: '*, hooks.town.local', allowHttp: false });
    assert.deepEqual(await reasonOf(strict, 'not a url'), { reason: 'invalid_url', path: 'url' });
    assert.deepEqual(await reasonOf(strict, 'http://8.8.8.8/h'), { reason: 'https_required', path: 'url', host: '8.8.8.8' });
    assert.deepEqual(await reasonOf(strict, 'https://u:p@8.8.8.8/h'), { reason: 'credentials_in_url', path: 'url', host: '8.8.8.8' });
    assert.deepEqual(await reasonOf(strict, 'https://hooks.town.local/h'), { reason: 'host_unresolvable', path: 'url', host: 'hooks.town.local' });
    assert.deepEqual(await reasonOf(strict, 'https://169.254.169.254/'), { reason: 'special_address', path: 'url', host: '169.254.169.254', address: '169.254.169.254', addressKind: 'link_local' });
    // localhost may resolve to ::1 first: either is its loopback address.
    const viaName = (await reasonOf(strict, 'https://localhost/')) as { address?: string };
    assert.deepEqual(viaName, { reason: 'special_address', path: 'url', host: 'localhost', address: viaName.address, addressKind: 'loopback' });
    assert.ok(['127.0.0.1', '::1'].includes(viaName.address ?? ''), viaName.address);
    assert.deepEqual(await reasonOf(strict, 'https://10.0.0.5/'), { reason: 'special_address', path: 'url', host: '10.0.0.5', address: '10.0.0.5', addressKind: 'private' });
    assert.deepEqual(await reasonOf(strict, 'https://192.0.2.1/'), { reason: 'special_address', path: 'url', host: '192.0.2.1', address: '192.0.2.1', addressKind: 'other' });
    const listed = new WebhookUrlGuard({ allowedHosts: 'hooks.town.local', allowHttp: true });
    assert.deepEqual(await reasonOf(listed, 'http://other.example.jp/h'), { reason: 'host_not_allowed', path: 'url', host: 'other.example.jp' });
    assert.equal(await reasonOf(new WebhookUrlGuard({ allowedHosts: '*, 10.9.0.0/16', allowHttp: false }), 'https://10.9.1.1/hook'), 'accepted', 'a listed network opens its private addresses');
    // The whole body as an API caller reads it.
    assert.throws(() => listed.checkUrl('https://u:p@hooks.town.local/h'), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.deepEqual(error.toBody(), {
        code: 'BAD_REQUEST',
        message: 'a webhook URL must not contain a user name or password; the signature authenticates each delivery',
        details: [
          {
            path: 'url',
            message: 'a webhook URL must not contain a user name or password; the signature authenticates each delivery',
            reason: 'credentials_in_url',
            host: 'hooks.town.local',
          },
        ],
      });
      return true;
    });
  });

  it("tells the admin's form where webhooks may go: `*` apart, the other entries as written, http or not", () => {
    assert.deepEqual(new WebhookUrlGuard({ allowedHosts: '*', allowHttp: false }).destinations(), { anyPublicHost: true, entries: [], allowHttp: false });
    assert.deepEqual(new WebhookUrlGuard({ allowedHosts: ' hooks.town.local, *.lg.example.jp ,10.20.0.0/16', allowHttp: true }).destinations(), {
      anyPublicHost: false,
      entries: ['hooks.town.local', '*.lg.example.jp', '10.20.0.0/16'],
      allowHttp: true,
    });
    assert.deepEqual(new WebhookUrlGuard({ allowedHosts: '', allowHttp: false }).destinations(), { anyPublicHost: false, entries: [], allowHttp: false });
  });

  it('an unreadable allow-list stops the server at start-up, naming the entry', () => {
    assert.throws(() => parseAllowList('hooks.example.jp, http://x'), /cannot read "http:\/\/x"/);
    assert.throws(() => parseAllowList('10.0.0.0/33'), /bad network/);
    assert.throws(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'a b' }), /cannot read "a b"/);
    const config = loadConfig({ WEBHOOK_ALLOWED_HOSTS: '10.0.0.0/8,hooks.example.jp', WEBHOOK_ALLOW_HTTP: 'true', API_KEY_REQUESTS_PER_MINUTE: '60', WEBHOOK_DELIVERY_RETENTION_DAYS: '30' });
    assert.deepEqual(config.integrations, { apiKeyRequestsPerMinute: 60, webhookUrls: { allowedHosts: '10.0.0.0/8,hooks.example.jp', allowHttp: true }, deliveryRetentionDays: 30 });
    assert.deepEqual(loadConfig({}).integrations, { apiKeyRequestsPerMinute: 300, webhookUrls: { allowedHosts: '*', allowHttp: false }, deliveryRetentionDays: 90 });
  });
});
