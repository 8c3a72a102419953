import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsp, RENDERER_CSP, RENDERER_CSP_DIRECTIVES } from './content-security-policy';

const indexHtml = readFileSync(
  path.resolve(import.meta.dirname, '../../renderer/index.html'),
  'utf8',
);

function metaPolicy(html: string): string {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match?.[1]) throw new Error('renderer/index.html has no CSP meta tag');
  return match[1];
}

describe('the CSP header of app:// matches the renderer page', () => {
  it('repeats every directive of index.html’s meta tag with the same sources', () => {
    const meta = parseCsp(metaPolicy(indexHtml));
    const header = parseCsp(RENDERER_CSP);
    for (const [name, sources] of Object.entries(meta))
      expect(header[name], `${name} in the header vs the meta tag`).toEqual(sources);
  });

  it('adds only restrictions the meta tag cannot carry or leaves out', () => {
    const meta = parseCsp(metaPolicy(indexHtml));
    const added = Object.keys(RENDERER_CSP_DIRECTIVES).filter((name) => !(name in meta));
    expect(added.sort()).toEqual(['base-uri', 'form-action', 'frame-ancestors', 'object-src']);
    for (const name of added) expect(RENDERER_CSP_DIRECTIVES[name]).toEqual(["'none'"]);
  });

  it('runs only the app’s own scripts: no inline or eval, no remote script origin', () => {
    const header = parseCsp(RENDERER_CSP);
    expect(header['script-src']).toEqual(["'self'"]);
    expect(header['default-src']).toEqual(["'self'"]);
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect(Object.values(header).flat()).not.toContain('*');
  });
});
