import type { RequestHandler } from 'express';

/**
 * The consultation records' REST paths before issue 15 renamed them (the legacy prefix). Scripts
 * and bookmarks outside this code may still call them: they reach the very same handlers (same
 * permission checks, bodies and answers), with a `Deprecation` header and a `Link` to the new
 * path, and the OpenAPI document lists them as deprecated. Drop them once no caller is left.
 */
export const LEGACY_CONSULTATION_PREFIX: string = '/api/sessions'; // rename:keep
export const CONSULTATION_PREFIX: string = '/api/consultations';

/** The old spelling of a path of the route table, or null when the path has none. */
export function legacyPathOf(path: string): string | null {
  if (LEGACY_CONSULTATION_PREFIX === CONSULTATION_PREFIX) return null;
  if (path !== CONSULTATION_PREFIX && !path.startsWith(`${CONSULTATION_PREFIX}/`)) return null;
  return LEGACY_CONSULTATION_PREFIX + path.slice(CONSULTATION_PREFIX.length);
}

/** Serves an old path as the new one; must run before any middleware mounted on a path. */
export const legacyConsultationPaths: RequestHandler = (req, res, next) => {
  const url = req.url;
  const legacy = LEGACY_CONSULTATION_PREFIX;
  if (legacy !== CONSULTATION_PREFIX && (url === legacy || url.startsWith(`${legacy}/`) || url.startsWith(`${legacy}?`))) {
    req.url = CONSULTATION_PREFIX + url.slice(legacy.length);
    res.setHeader('Deprecation', 'true');
    res.setHeader('Link', `<${req.url.split('?')[0] ?? ''}>; rel="successor-version"`);
  }
  next();
};
