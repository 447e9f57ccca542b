/**
 * What an API key may do (issue 19). Zod-free, like api-routes.ts, which names the scope each
 * integration route needs. A key never carries staff powers: only routes that list
 * 'integration' among their callers take a key, and only with the route's scope.
 */
export const API_SCOPES = ['appointments:read', 'appointments:write', 'webhooks:manage'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** `mdk_` + 12 hex characters (the key's visible id) + `_` + 43 base64url characters (256 secret bits). */
export const API_KEY_PATTERN = /^mdk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
