import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** The two headers that make a page cross-origin isolated (a 5 µs `performance.now()`). */
const CROSS_ORIGIN_ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

export type ServeFolderOptions = {
  /** 0 (the default): a free port. */
  readonly port?: number;
  /** For benchmark pages, whose latencies need the finer timer. */
  readonly crossOriginIsolated?: boolean;
};

/**
 * Serves a built folder on 127.0.0.1: IndexedDB needs an http origin. Only files inside the
 * folder are served; anything else is a 404, a malformed path a 400.
 */
export async function serveFolder(
  folder: string,
  { port = 0, crossOriginIsolated = false }: ServeFolderOptions = {},
): Promise<{ readonly url: string; readonly close: () => Promise<void> }> {
  const root = path.resolve(folder);
  if (!existsSync(path.join(root, 'index.html')))
    throw new Error(`${root} has no index.html: run npm run build:renderer first`);
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400).end('bad path');
      return;
    }
    const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      ...(crossOriginIsolated ? CROSS_ORIGIN_ISOLATION : {}),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject); // e.g. the port is taken: a clear EADDRINUSE, not a crash
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
