import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { API_SCOPES, type ApiScope } from '@madoguchi/contract/api-scopes';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@madoguchi/contract/integrations';
import {
  createApiKey,
  createWebhook,
  disableWebhook,
  getWebhookDestinations,
  listApiKeys,
  listWebhookDeliveries,
  listWebhooks,
  revokeApiKey,
} from '../../api/integrations-api';
import { ConfirmedActionButton } from '../../components/confirmed-action-button';
import { FormField } from '../../components/form-field';
import { Notice } from '../../components/notice';
import { SettingsCard } from '../../components/settings-card';
import { useApi } from '../../hooks/use-api';
import { useApiData } from '../../hooks/use-api-data';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { integrationMessages as t } from '../../i18n/integration-messages';
import { formatDateTime } from '../../time/jst-format';
import { ShownOnceDialog } from './shown-once-dialog';
import { webhookDestinationLines, webhookUrlErrorText } from './webhook-url-text';

type Secret = { title: string; value: string; hint: string };
type Issue = (secret: Secret) => void;

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

/** A card's pending action: its busy flag, the last notice and the last error. */
function useCardAction() {
  const { run } = useApi();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const perform = async <T,>(action: Parameters<typeof run<T>>[0], done: string, after: (result: T) => void) => {
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

/** What is wrong with a typed webhook URL before the server is asked (empty, or not a URL at all). */
function webhookUrlProblem(url: string): string | null {
  const typed = url.trim();
  if (!typed) return t.hooks.urlRequired;
  try {
    const parsed = new URL(typed);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? null : t.hooks.refused.httpsRequired;
  } catch {
    return t.hooks.refused.invalidUrl;
  }
}

/** The choices of a new key or endpoint (scopes, events) as labelled checkboxes. */
function Choices<T extends string>(props: { legend: string; options: readonly T[]; chosen: T[]; label: (option: T) => ReactNode; onChange: (chosen: T[]) => void; error?: string | null }) {
  const errorId = useId();
  return (
    <fieldset className="checkbox-group" aria-describedby={props.error ? errorId : undefined}>
      <legend>{props.legend}</legend>
      {props.error ? (
        <p id={errorId} className="field__error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div className="checkbox-group__options">
        {props.options.map((option) => (
          <label key={option} className="checkbox">
            <input
              type="checkbox"
              checked={props.chosen.includes(option)}
              onChange={(e) => props.onChange(e.target.checked ? [...props.chosen, option] : props.chosen.filter((x) => x !== option))}
            />{' '}
            {props.label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A table with a hidden caption, its column headers and its rows. */
function ListTable(props: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <table className="table">
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

function ApiKeysCard({ onIssued }: { onIssued: Issue }) {
  const keys = useApiData(listApiKeys, 'api-keys');
  const { notice, error, busy, perform } = useCardAction();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['appointments:read', 'appointments:write']);
  // Problems show after the first press of 発行, not while the admin is still filling in.
  const [checked, setChecked] = useState(false);
  const c = t.keys.columns;
  const nameProblem = checked && !name.trim() ? t.keys.nameRequired : null;
  const scopesProblem = checked && scopes.length === 0 ? t.keys.scopesRequired : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!name.trim() || scopes.length === 0) return;
    void perform((o) => createApiKey({ name: name.trim(), scopes }, o), t.keys.created, (issued) => {
      setName('');
      setChecked(false);
      keys.reload();
      onIssued({ title: t.keys.secretTitle, value: issued.secret, hint: t.keys.secretHint });
    });
  };

  return (
    <SettingsCard headingId="api-keys-heading" heading={t.keys.heading} lead={t.keys.lead} notice={notice} error={error ?? keys.error}>
      {keys.data?.length === 0 ? <p>{t.keys.empty}</p> : null}
      {keys.data?.length ? (
        <ListTable caption={t.keys.heading} columns={[c.name, c.prefix, c.scopes, c.lastUsed, c.state, t.columns.actions]}>
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
                  <ConfirmedActionButton
                    label={t.keys.revoke}
                    accessibleName={t.keys.revokeNamed(key.name)}
                    className="button button--small button--danger"
                    disabled={busy}
                    texts={{ title: t.keys.revokeTitle, message: t.keys.confirmRevoke(key.name), confirm: t.keys.revoke, cancel: t.keep }}
                    onConfirm={() => perform((o) => revokeApiKey(key.id, o), t.keys.revoked, () => keys.reload())}
                  />
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      <form className="form-grid" onSubmit={submit} noValidate>
        <FormField label={t.keys.name} hint={t.keys.nameHint} required requiredLabel={common.required} error={nameProblem}>
          {(f) => <input {...f} maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <Choices legend={t.keys.scopesLegend} options={API_SCOPES} chosen={scopes} onChange={setScopes} label={(s) => <>{t.scopes[s]} <code>{s}</code></>} error={scopesProblem} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t.keys.create}
          </button>
        </div>
      </form>
    </SettingsCard>
  );
}

/** Where this server lets webhooks go, said before the admin types a URL (the URL field refers to it). */
function WebhookDestinationsHint({ id }: { id: string }) {
  const destinations = useApiData(getWebhookDestinations, 'webhook-destinations');
  const lines = destinations.data ? webhookDestinationLines(destinations.data) : [t.hooks.destinations.loading];
  return (
    <div className="page__hint webhook-destinations" id={id}>
      {destinations.error ? (
        <Notice tone="error" text={describeError(destinations.error)} actionLabel={common.actions.retry} onAction={destinations.reload} />
      ) : (
        lines.map((line) => <p key={line}>{line}</p>)
      )}
    </div>
  );
}

function WebhooksCard({ onIssued }: { onIssued: Issue }) {
  const endpoints = useApiData(listWebhooks, 'webhooks');
  const deliveries = useApiData(listWebhookDeliveries, 'webhook-deliveries');
  const { notice, error, busy, perform } = useCardAction();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const urlInput = useRef<HTMLInputElement>(null);
  const destinationsId = useId();
  // Problems show after the first press of 登録, not while the admin is still filling in.
  const [checked, setChecked] = useState(false);
  const c = t.log.columns;
  const eventsProblem = checked && events.length === 0 ? t.hooks.eventsRequired : null;
  // The URL's problem is said at its field (and focus goes there): first what the form sees itself
  // (empty, not a URL), then the server's refusal (scheme, allow-list, DNS); any other error at the card's top.
  const serverUrlError = webhookUrlErrorText(error);
  const urlError = (checked ? webhookUrlProblem(url) : null) ?? serverUrlError;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (webhookUrlProblem(url) || events.length === 0) return;
    void perform((o) => createWebhook({ url: url.trim(), events, description: description.trim() }, o), t.hooks.created, (issued) => {
      setUrl('');
      setDescription('');
      setChecked(false);
      endpoints.reload();
      onIssued({ title: t.hooks.secretTitle, value: issued.secret, hint: t.hooks.secretHint });
    });
  };
  useEffect(() => {
    if (urlError) urlInput.current?.focus();
  }, [urlError]);

  return (
    <SettingsCard headingId="webhooks-heading" heading={t.hooks.heading} lead={t.hooks.lead} notice={notice} error={serverUrlError ? null : (error ?? endpoints.error)}>
      {endpoints.data?.length === 0 ? <p>{t.hooks.empty}</p> : null}
      {endpoints.data?.length ? (
        <ListTable caption={t.hooks.heading} columns={[t.hooks.columns.url, t.hooks.columns.events, t.keys.columns.state, t.columns.actions]}>
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
                  <ConfirmedActionButton
                    label={t.hooks.disable}
                    accessibleName={t.hooks.disableNamed(endpoint.url)}
                    className="button button--small button--danger"
                    disabled={busy}
                    texts={{ title: t.hooks.disableTitle, message: t.hooks.confirmDisable(endpoint.url), confirm: t.hooks.disable, cancel: t.keep }}
                    onConfirm={() =>
                      perform((o) => disableWebhook(endpoint.id, o), t.hooks.disabled, () => {
                        endpoints.reload();
                        deliveries.reload();
                      })
                    }
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      <form className="form-grid" onSubmit={submit} noValidate>
        <WebhookDestinationsHint id={destinationsId} />
        <FormField label={t.hooks.url} hint={t.hooks.urlHint} error={urlError} required requiredLabel={common.required}>
          {(f) => (
            <input
              {...f}
              ref={urlInput}
              aria-describedby={[f['aria-describedby'], destinationsId].filter(Boolean).join(' ')}
              type="url"
              inputMode="url"
              maxLength={500}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t.hooks.description}>{(f) => <input {...f} maxLength={100} value={description} onChange={(e) => setDescription(e.target.value)} />}</FormField>
        <Choices legend={t.hooks.eventsLegend} options={WEBHOOK_EVENTS} chosen={events} onChange={setEvents} label={(e) => t.events[e]} error={eventsProblem} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t.hooks.create}
          </button>
        </div>
      </form>

      <h3>{t.log.heading}</h3>
      <div className="form-actions">
        <button type="button" className="button button--secondary button--small" onClick={() => deliveries.reload()}>
          {t.log.reload}
        </button>
      </div>
      {deliveries.error ? <Notice tone="error" text={describeError(deliveries.error)} /> : null}
      {deliveries.data?.items.length === 0 ? <p>{t.log.empty}</p> : null}
      {deliveries.data?.items.length ? (
        <ListTable caption={t.log.heading} columns={[c.at, c.event, t.hooks.columns.url, c.status, c.attempts, c.response, c.error]}>
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
        </ListTable>
      ) : null}
    </SettingsCard>
  );
}
