import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const RENDERER_HTML = path.resolve(import.meta.dirname, '../renderer/index.html');
/** The renderer's policy tag (a Report-Only one does not match: the name ends at the quote). */
export const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i;

/**
 * A benchmark page runs the terminal's code under the terminal's Content-Security-Policy,
 * copied from renderer/index.html at build time. The policy changes what that code does:
 * without 'unsafe-eval', zod cannot compile its parsers and checks rows the slower way.
 */
export function terminalCspPlugin(): Plugin {
  return {
    name: 'terminal-csp',
    transformIndexHtml: (html) => withTerminalCsp(html, readFileSync(RENDERER_HTML, 'utf8')),
  };
}

/** `page` with the CSP meta tag of `rendererHtml` first in its head. */
export function withTerminalCsp(page: string, rendererHtml: string): string {
  const meta = CSP_META.exec(rendererHtml)?.[0];
  if (meta === undefined) throw new Error('renderer/index.html has no Content-Security-Policy');
  if (CSP_META.test(page)) throw new Error('the benchmark page sets a policy of its own');
  if (!/<head>/i.test(page)) throw new Error('the benchmark page has no <head>');
  return page.replace(/<head>/i, (head) => `${head}\n    ${meta}`);
}
