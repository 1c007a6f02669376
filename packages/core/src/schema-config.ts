import { z } from 'zod';

/**
 * In a browser, zod builds its object parsers without `new Function`: the server's Content-Security-Policy
 * allows no eval, and zod's probe for it is reported as a policy violation even though zod catches it. This
 * must run before any schema is built (zod decides per schema at construction), so it is the first module
 * of the package's entry. The server (no `window`) keeps the faster compiled parsers.
 */
export const SCHEMAS_WITHOUT_EVAL = typeof (globalThis as { window?: unknown }).window !== 'undefined';
if (SCHEMAS_WITHOUT_EVAL) z.config({ jitless: true });
