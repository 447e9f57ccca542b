import type { ApiKeyIssued, ApiKeySummary, CreateApiKeyRequest, CreateWebhookRequest, WebhookDelivery, WebhookDestinations, WebhookEndpoint, WebhookIssued } from '@madoguchi/contract/integrations';
import type { Page } from '@madoguchi/contract/pagination';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function listApiKeys(options: RequestOptions): Promise<ApiKeySummary[]> {
  return callRoute('listApiKeys', options);
}

export function createApiKey(body: CreateApiKeyRequest, options: RequestOptions): Promise<ApiKeyIssued> {
  return callRoute('createApiKey', { ...options, body });
}

export function revokeApiKey(id: string, options: RequestOptions): Promise<ApiKeySummary> {
  return callRoute('revokeApiKey', { ...options, params: { id }, body: {} });
}

export function getWebhookDestinations(options: RequestOptions): Promise<WebhookDestinations> {
  return callRoute('getWebhookDestinations', options);
}

export function listWebhooks(options: RequestOptions): Promise<WebhookEndpoint[]> {
  return callRoute('listWebhooks', options);
}

export function createWebhook(body: CreateWebhookRequest, options: RequestOptions): Promise<WebhookIssued> {
  return callRoute('createWebhook', { ...options, body });
}

export function disableWebhook(id: string, options: RequestOptions): Promise<WebhookEndpoint> {
  return callRoute('disableWebhook', { ...options, params: { id }, body: {} });
}

export function listWebhookDeliveries(options: RequestOptions): Promise<Page<WebhookDelivery>> {
  return callRoute('listWebhookDeliveries', { ...options, query: { pageSize: 50 } });
}
