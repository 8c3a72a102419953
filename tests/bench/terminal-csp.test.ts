import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTerminalCsp } from '../../bench/terminal-csp';

const root = path.resolve(import.meta.dirname, '../..');
const rendererHtml = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
const storagePage = readFileSync(path.join(root, 'bench/storage/index.html'), 'utf8');

describe('a benchmark page under the terminal’s Content-Security-Policy', () => {
  it('gets the renderer’s policy, word for word, in its head', () => {
    const policy = /content="([^"]*)"/.exec(
      /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/.exec(rendererHtml)?.[0] ?? '',
    )?.[1];
    expect(policy, 'the renderer has a policy, without eval').toMatch(/script-src 'self';/);
    const page = withTerminalCsp(storagePage, rendererHtml);
    expect(page).toContain(`content="${policy ?? 'missing'}"`);
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
