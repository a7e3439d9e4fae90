/**
 * Imported first by the webview script: zod probes `new Function` (for faster parsing) as soon as
 * a schema is built, and the page's CSP forbids it, reporting a violation each time. Off before
 * any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });
