import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder } from './serve-folder';

/** Raw GET with the path sent exactly as given (fetch would normalise `..` away). */
function get(url: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: rawPath }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('serveFolder', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'serve-'));
  let server: Awaited<ReturnType<typeof serveFolder>>;
  beforeAll(async () => {
    writeFileSync(path.join(folder, 'index.html'), '<p>hi</p>');
    writeFileSync(path.join(path.dirname(folder), 'secret.txt'), 'no');
    server = await serveFolder(folder);
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and serves index.html at /', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await get(server.url, '/')).toBe(200);
  });

  it.each([
    ['/../secret.txt', 404],
    ['/%2e%2e/secret.txt', 404],
    ['/missing.js', 404],
    ['/%E0%A4%A', 400],
  ])('GET %s → %i, and the server stays up', async (rawPath, status) => {
    expect(await get(server.url, rawPath)).toBe(status);
    expect(await get(server.url, '/')).toBe(200);
  });

  it('makes pages cross-origin isolated only when asked (benchmark pages)', async () => {
    const isolated = await serveFolder(folder, { crossOriginIsolated: true });
    try {
      const headers = (await fetch(isolated.url)).headers;
      expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    } finally {
      await isolated.close();
    }
    expect((await fetch(server.url)).headers.get('cross-origin-opener-policy')).toBeNull();
  });

  it('refuses a folder that was not built', async () => {
    await expect(serveFolder(os.tmpdir())).rejects.toThrow(/no index.html/);
  });
});
