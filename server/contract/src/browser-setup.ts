import { z } from 'zod';

/**
 * Imported first by each web app. The apps are served under a `script-src 'self'` CSP, and
 * zod's faster parsers are compiled with `new Function`: the CSP refuses that, and Firefox
 * reports every refusal as an uncaught page error. The interpreted parsers give the same answers.
 */
z.config({ jitless: true });
