import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_META, withTerminalCsp } from '../../bench/terminal-csp';

const root = path.resolve(import.meta.dirname, '../..');
const rendererHtml = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
const storagePage = readFileSync(path.join(root, 'bench/storage/index.html'), 'utf8');

describe('a benchmark page under the terminal’s Content-Security-Policy', () => {
  it('gets the renderer’s policy, word for word, first in its head', () => {
    const policy = /content="([^"]*)"/.exec(CSP_META.exec(rendererHtml)?.[0] ?? '')?.[1];
    expect(policy, 'the renderer has a policy, without eval').toMatch(/script-src 'self';/);
    expect(withTerminalCsp(storagePage, rendererHtml)).toContain(`content="${policy ?? '?'}"`);
    // As Vite builds it: the entry script in the head, which the policy must come before.
    const built = '<html><HEAD><script type="module" src="/a.js"></script></HEAD></html>';
    const page = withTerminalCsp(built, rendererHtml);
    expect(page).toMatch(/^<html><HEAD>\s*<meta\s+http-equiv="Content-Security-Policy"/);
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<script'));
  });

  it('refuses a renderer page without a policy, and a page with one of its own', () => {
    expect(() => withTerminalCsp(storagePage, '<html><head></head></html>')).toThrow(
      /no Content-Security-Policy/,
    );
    const twice = withTerminalCsp(storagePage, rendererHtml);
    expect(() => withTerminalCsp(twice, rendererHtml)).toThrow(/policy of its own/);
  });
});
