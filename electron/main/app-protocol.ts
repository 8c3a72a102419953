import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RENDERER_CSP } from './content-security-policy';

/**
 * The renderer is served from `app://terminal/`, a custom scheme registered as privileged
 * (standard + secure), never from `file://`: it gets a real origin of its own, so IndexedDB, Web
 * Locks, module workers and `'self'` in the CSP work, and file:// keeps no extra privileges (the
 * grantFileProtocolExtraPrivileges fuse is off in electron-builder.yml).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'terminal';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Privileges for protocol.registerSchemesAsPrivileged. `standard` gives the scheme origins and
 * relative URLs, `secure` a secure context (Web Locks, crypto.subtle), `supportFetchAPI` and
 * `corsEnabled` let the page load its module scripts (Vite marks them `crossorigin`) and its
 * module worker. Not granted: bypassCSP, allowServiceWorkers, stream, allowExtensions.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
} as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** A file the build emitted with an extension not listed above is sent as opaque bytes. */
export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResolution =
  | { readonly kind: 'file'; readonly filePath: string; readonly mimeType: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404; readonly reason: string };

/**
 * Maps an `app://terminal/…` URL to a file inside `rootDir` (dist/renderer), or refuses it.
 * Pure: it does not look at the disk. Refused: another scheme or host, a malformed escape, a
 * NUL byte, and any path that leaves the root after decoding (`..`, encoded `%2e%2e%2f`,
 * encoded back-slashes on Windows, absolute paths). `/` is the entry page.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password)
    return { kind: 'refused', status: 403, reason: `not an ${APP_ORIGIN} address` };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400, reason: 'malformed escape in the path' };
  }
  if (pathname.includes('\0')) return { kind: 'refused', status: 400, reason: 'NUL in the path' };
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  const inside = path.relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside))
    return { kind: 'refused', status: 404, reason: 'outside the renderer folder' };
  return { kind: 'file', filePath, mimeType: mimeTypeOf(filePath) };
}

/** Headers on every answer of the protocol, files and refusals alike. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/**
 * The `protocol.handle` handler: GET or HEAD of a file under `rootDir`, with the CSP header.
 * Anything else is answered with a status and a short plain-text reason (never a directory
 * listing, never a file outside the root).
 */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return refusal(405, `${request.method} is not served`);
  const resolved = resolveAppPath(rootDir, request.url);
  if (resolved.kind === 'refused') return refusal(resolved.status, resolved.reason);
  const info = await stat(resolved.filePath).catch(() => null);
  if (!info?.isFile()) return refusal(404, 'no such file in the renderer build');
  const body = request.method === 'HEAD' ? null : await readFile(resolved.filePath);
  return new Response(body, {
    status: 200,
    headers: {
      ...APP_RESPONSE_HEADERS,
      'content-type': resolved.mimeType,
      'content-length': String(info.size),
    },
  });
}

function refusal(status: number, reason: string): Response {
  return new Response(`${String(status)}: ${reason}`, {
    status,
    headers: { ...APP_RESPONSE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}
