import { z } from 'zod';

/**
 * The one zod every contract schema is built with. In a browser the apps are served under a
 * `script-src 'self'` CSP, and zod's faster parsers are compiled with `new Function`: the CSP
 * refuses that, and Firefox reports every refusal as an uncaught page error. Configured here,
 * where zod is first loaded, rather than in each app's entry, so that zod stays out of pages
 * that never validate anything (the login page's first load).
 */
if ('document' in globalThis) z.config({ jitless: true });

export { z };
