import { useState } from 'react';
import type { FormEvent } from 'react';
import { API_SCOPES, type ApiScope } from '@madoguchi/contract/api-scopes';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@madoguchi/contract/integrations';
import {
  createApiKey,
  createWebhook,
  disableWebhook,
  listApiKeys,
  listWebhookDeliveries,
  listWebhooks,
  revokeApiKey,
} from '../../api/integrations-api';
import { FormField } from '../../components/form-field';
import { Notice } from '../../components/notice';
import { useApi } from '../../hooks/use-api';
import { useApiData } from '../../hooks/use-api-data';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { integrationMessages as t } from '../../i18n/integration-messages';
import { formatDateTime } from '../../time/jst-format';
import { ShownOnceDialog } from './shown-once-dialog';

type Secret = { title: string; value: string; hint: string };

/** 設定 → 連携: API keys and webhook endpoints of the town's other systems, and the delivery log. */
export function IntegrationsSection() {
  const [secret, setSecret] = useState<Secret | null>(null);
  return (
    <>
      <ApiKeysCard onIssued={setSecret} />
      <WebhooksCard onIssued={setSecret} />
      {secret ? (
        <ShownOnceDialog title={secret.title} warning={t.shownOnce} doneLabel={t.copiedClose} onClose={() => setSecret(null)}>
          <p>{secret.hint}</p>
          <p className="secret secret--long" translate="no">
            {secret.value}
          </p>
        </ShownOnceDialog>
      ) : null}
    </>
  );
}

/** Shared by both cards: a pending action's busy flag, the last notice and the last error. */
function useCardAction() {
  const { run } = useApi();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const perform = async (action: Parameters<typeof run>[0], done: string, after: (result: unknown) => void) => {
    setBusy(true);
    setError(null);
    try {
      after(await run(action));
      setNotice(done);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { notice, error, busy, perform };
}

function ApiKeysCard({ onIssued }: { onIssued: (secret: Secret) => void }) {
  const keys = useApiData(listApiKeys, 'api-keys');
  const { notice, error, busy, perform } = useCardAction();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['appointments:read', 'appointments:write']);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void perform((o) => createApiKey({ name: name.trim(), scopes }, o), t.keys.created, (result) => {
      const issued = result as { secret: string };
      setName('');
      keys.reload();
      onIssued({ title: t.keys.secretTitle, value: issued.secret, hint: t.keys.secretHint });
    });
  };
  const revoke = (id: string, label: string) => {
    if (!window.confirm(t.keys.confirmRevoke(label))) return;
    void perform((o) => revokeApiKey(id, o), t.keys.revoked, () => keys.reload());
  };

  return (
    <section className="card" aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading" className="card__title">
        {t.keys.heading}
      </h2>
      <p className="page__hint">{t.keys.lead}</p>
      {notice ? <Notice tone="success" text={notice} /> : null}
      {error || keys.error ? <Notice tone="error" text={describeError(error ?? keys.error)} /> : null}
      {keys.data && keys.data.length === 0 ? <p>{t.keys.empty}</p> : null}
      {keys.data && keys.data.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t.keys.heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.keys.columns.name}</th>
              <th scope="col">{t.keys.columns.prefix}</th>
              <th scope="col">{t.keys.columns.scopes}</th>
              <th scope="col">{t.keys.columns.lastUsed}</th>
              <th scope="col">{t.keys.columns.state}</th>
              <th scope="col">{t.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>mdk_{key.prefix}_…</code>
                </td>
                <td>{key.scopes.map((s) => t.scopes[s]).join('、')}</td>
                <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t.never}</td>
                <td>{key.revokedAt ? t.keys.revokedAt(formatDateTime(key.revokedAt)) : t.keys.active}</td>
                <td>
                  {key.revokedAt ? null : (
                    <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => revoke(key.id, key.name)} aria-label={`${t.keys.revoke}: ${key.name}`}>
                      {t.keys.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="form-grid" onSubmit={submit}>
        <FormField label={t.keys.name} hint={t.keys.nameHint} required requiredLabel={common.required}>
          {(c) => <input {...c} maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <fieldset className="checkbox-group">
          <legend>{t.keys.scopesLegend}</legend>
          <div className="checkbox-group__options">
          {API_SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
              />{' '}
              {t.scopes[scope]} <code>{scope}</code>
            </label>
          ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy || !name.trim() || scopes.length === 0}>
            {t.keys.create}
          </button>
        </div>
      </form>
    </section>
  );
}

function WebhooksCard({ onIssued }: { onIssued: (secret: Secret) => void }) {
  const endpoints = useApiData(listWebhooks, 'webhooks');
  const deliveries = useApiData(listWebhookDeliveries, 'webhook-deliveries');
  const { notice, error, busy, perform } = useCardAction();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void perform((o) => createWebhook({ url: url.trim(), events, description: description.trim() }, o), t.hooks.created, (result) => {
      const issued = result as { secret: string };
      setUrl('');
      setDescription('');
      endpoints.reload();
      onIssued({ title: t.hooks.secretTitle, value: issued.secret, hint: t.hooks.secretHint });
    });
  };
  const disable = (id: string, label: string) => {
    if (!window.confirm(t.hooks.confirmDisable(label))) return;
    void perform((o) => disableWebhook(id, o), t.hooks.disabled, () => {
      endpoints.reload();
      deliveries.reload();
    });
  };

  return (
    <section className="card" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading" className="card__title">
        {t.hooks.heading}
      </h2>
      <p className="page__hint">{t.hooks.lead}</p>
      {notice ? <Notice tone="success" text={notice} /> : null}
      {error || endpoints.error ? <Notice tone="error" text={describeError(error ?? endpoints.error)} /> : null}
      {endpoints.data && endpoints.data.length === 0 ? <p>{t.hooks.empty}</p> : null}
      {endpoints.data && endpoints.data.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t.hooks.heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.hooks.columns.url}</th>
              <th scope="col">{t.hooks.columns.events}</th>
              <th scope="col">{t.keys.columns.state}</th>
              <th scope="col">{t.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.data.map((endpoint) => (
              <tr key={endpoint.id}>
                <td>
                  <code>{endpoint.url}</code>
                  {endpoint.description ? <div>{endpoint.description}</div> : null}
                </td>
                <td>{endpoint.events.map((e) => t.events[e]).join('、')}</td>
                <td>{endpoint.active ? t.hooks.active : t.hooks.stopped}</td>
                <td>
                  {endpoint.active ? (
                    <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => disable(endpoint.id, endpoint.url)} aria-label={`${t.hooks.disable}: ${endpoint.url}`}>
                      {t.hooks.disable}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="form-grid" onSubmit={submit}>
        <FormField label={t.hooks.url} hint={t.hooks.urlHint} required requiredLabel={common.required}>
          {(c) => <input {...c} type="url" inputMode="url" maxLength={500} value={url} onChange={(e) => setUrl(e.target.value)} />}
        </FormField>
        <FormField label={t.hooks.description}>
          {(c) => <input {...c} maxLength={100} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </FormField>
        <fieldset className="checkbox-group">
          <legend>{t.hooks.eventsLegend}</legend>
          <div className="checkbox-group__options">
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="checkbox">
              <input
                type="checkbox"
                checked={events.includes(name)}
                onChange={(e) => setEvents(e.target.checked ? [...events, name] : events.filter((x) => x !== name))}
              />{' '}
              {t.events[name]}
            </label>
          ))}
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy || !url.trim() || events.length === 0}>
            {t.hooks.create}
          </button>
        </div>
      </form>

      <h3 id="deliveries-heading">{t.log.heading}</h3>
      <div className="form-actions">
        <button type="button" className="button button--secondary button--small" onClick={() => deliveries.reload()}>
          {t.log.reload}
        </button>
      </div>
      {deliveries.error ? <Notice tone="error" text={describeError(deliveries.error)} /> : null}
      {deliveries.data && deliveries.data.items.length === 0 ? <p>{t.log.empty}</p> : null}
      {deliveries.data && deliveries.data.items.length > 0 ? (
        <table className="table" aria-labelledby="deliveries-heading">
          <thead>
            <tr>
              <th scope="col">{t.log.columns.at}</th>
              <th scope="col">{t.log.columns.event}</th>
              <th scope="col">{t.hooks.columns.url}</th>
              <th scope="col">{t.log.columns.status}</th>
              <th scope="col">{t.log.columns.attempts}</th>
              <th scope="col">{t.log.columns.response}</th>
              <th scope="col">{t.log.columns.error}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.items.map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>{t.events[d.event]}</td>
                <td>
                  <code>{d.url}</code>
                </td>
                <td>
                  {t.log.status[d.status]}
                  {d.nextAttemptAt ? <div>{t.log.nextTry(formatDateTime(d.nextAttemptAt))}</div> : null}
                </td>
                <td>{d.attempts}</td>
                <td>{d.responseCode ?? '—'}</td>
                <td>{d.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
