import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppPath, serveAppRequest } from './app-protocol';
import { RENDERER_CSP } from './content-security-policy';

const root = path.resolve('/srv/terminal/dist/renderer');

describe('app:// path resolution: only files inside the renderer build', () => {
  it.each([
    ['app://terminal/', 'index.html'],
    ['app://terminal/index.html?server=http%3A%2F%2F127.0.0.1%3A5181&code=X', 'index.html'],
    ['app://terminal/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://terminal/assets/%D1%88%D1%80%D0%B8%D1%84%D1%82.woff2', 'assets/шрифт.woff2'],
    // The URL parser folds literal dot segments before we see the path: it stays inside.
    ['app://terminal/assets/../index.html', 'index.html'],
    ['app://terminal/../../etc/passwd', 'etc/passwd'],
  ])('%s is the file %s', (url, file) => {
    expect(resolveAppPath(root, url)).toMatchObject({
      kind: 'file',
      filePath: path.join(root, file),
    });
  });

  it.each([
    ['app://terminal/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 404],
    ['app://terminal/..%2F..%2F..%2Fetc/passwd', 404],
    ['app://terminal/assets/..%2f..%2f..%2fsecret', 404],
    ['app://terminal/%2Fetc%2Fpasswd', 200],
    ['app://terminal/%E0%A4%A', 400],
    ['app://terminal/index.html%00.js', 400],
    ['app://evil/index.html', 403],
    ['app://terminal.evil/index.html', 403],
    ['app://user@terminal/index.html', 403],
    ['app://terminal:8080/index.html', 403],
    ['file:///etc/passwd', 403],
    ['https://terminal/index.html', 403],
    ['not a url', 400],
  ])('%s is refused with %i (or stays inside the root)', (url, status) => {
    const resolved = resolveAppPath(root, url);
    if (status === 200) {
      // A leading encoded slash is just a name inside the root, never an absolute path.
      expect(resolved.kind === 'file' && resolved.filePath.startsWith(root + path.sep)).toBe(true);
      return;
    }
    expect(resolved).toMatchObject({ kind: 'refused', status });
  });

  it('never resolves outside the root, whatever the escapes (including back-slashes)', () => {
    for (const url of [
      'app://terminal/..%5C..%5Cwindows%5Cwin.ini',
      'app://terminal/%2e%2e/%2e%2e/x',
      'app://terminal/.%2e/.%2e/x',
      'app://terminal/assets/%2E%2E%2F%2E%2E%2Fx',
    ]) {
      const resolved = resolveAppPath(root, url);
      if (resolved.kind === 'file')
        expect(resolved.filePath.startsWith(root + path.sep), `${url} → ${resolved.filePath}`).toBe(
          true,
        );
    }
  });

  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-x.js', 'text/javascript; charset=utf-8'],
    ['assets/sync-worker-x.js', 'text/javascript; charset=utf-8'],
    ['assets/index-x.css', 'text/css; charset=utf-8'],
    ['icon.SVG', 'image/svg+xml'],
    ['logo.png', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['engine.wasm', 'application/wasm'],
    ['data.bin', 'application/octet-stream'],
    ['LICENSE', 'application/octet-stream'],
  ])('%s is sent as %s', (file, type) => {
    expect(mimeTypeOf(file)).toBe(type);
  });
});

describe('app:// protocol handler on a real folder', () => {
  let dir: string;
  let rendererDir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'app-protocol-'));
    rendererDir = path.join(dir, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><p>terminal</p>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the entry page with the CSP header and its type', async () => {
    const response = await serveAppRequest(rendererDir, appRequest('app://terminal/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('terminal');
  });

  it('serves a script with a JavaScript type (module scripts need it)', async () => {
    const response = await serveAppRequest(rendererDir, appRequest('app://terminal/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('answers 404 for a missing file and for a folder, with the CSP header too', async () => {
    for (const url of ['app://terminal/missing.js', 'app://terminal/assets']) {
      const response = await serveAppRequest(rendererDir, appRequest(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    }
  });

  it('does not serve the file next to the root through an encoded traversal', async () => {
    const response = await serveAppRequest(
      rendererDir,
      appRequest('app://terminal/..%2Fsecret.txt'),
    );
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('refuses other hosts and methods that change things', async () => {
    expect((await serveAppRequest(rendererDir, appRequest('app://other/index.html'))).status).toBe(
      403,
    );
    expect(
      (await serveAppRequest(rendererDir, appRequest('app://terminal/index.html', 'POST'))).status,
    ).toBe(405);
    expect(
      (await serveAppRequest(rendererDir, appRequest('http://terminal/index.html'))).status,
    ).toBe(403);
  });

  it('answers HEAD without a body', async () => {
    const response = await serveAppRequest(rendererDir, appRequest('app://terminal/', 'HEAD'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

/** Electron hands protocol.handle a standard Request for the app:// URL, as Node builds here. */
function appRequest(url: string, method = 'GET'): Request {
  return new Request(url, { method });
}
