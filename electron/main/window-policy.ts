import { APP_HOST, APP_SCHEME } from './app-protocol';

/**
 * What the terminal window may do, as plain decisions the thin entry (main.ts) applies to
 * Electron's events. Parsed with the URL parser, never by string prefix: `app://terminal.evil/`
 * and `app://terminal@evil/` are not the app. (Node's URL gives non-special schemes the origin
 * "null", so the scheme and host are compared instead of `origin`.)
 */
export function isAppUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * `will-navigate`, `will-frame-navigate` and `will-redirect`: the window stays on the app's own
 * pages (a settings change reloads `app://terminal/index.html?…`); any other address — a link
 * in a customer's name, a dropped file, a redirect — is cancelled.
 */
export function isNavigationAllowed(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}

/**
 * `setWindowOpenHandler`: the terminal has exactly one window and opens no browser, so every
 * `window.open` and `target=_blank` is denied (nothing is passed to shell.openExternal).
 */
export function windowOpenDecision(): { readonly action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Web permissions the renderer needs: only to reach the central server when it is on this
 * machine (the demo: 127.0.0.1) or on the store's network. Chromium 142 (Electron 45) gates
 * such requests from a page behind Local Network Access permissions; the names differ by
 * Chromium version, so all three are listed. Nothing else: IndexedDB, Web Locks, workers and
 * fetch need no permission; scanners and printers are reached through the bridge (main
 * process), so WebHID, WebSerial and WebUSB stay denied; no camera, microphone, notifications,
 * geolocation, clipboard or fullscreen requests (kiosk mode is the window's). A permission
 * listed here is granted only to the app's own pages.
 */
export const TERMINAL_PERMISSIONS: readonly string[] = [
  'local-network-access',
  'local-network',
  'loopback-network',
];

/** For setPermissionRequestHandler and setPermissionCheckHandler. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string,
  granted: readonly string[] = TERMINAL_PERMISSIONS,
): boolean {
  return granted.includes(permission) && isAppUrl(requestingUrl);
}

/**
 * The window's webPreferences: Electron's security checklist, spelled out even where it is the
 * default so a reader (and a test) sees every choice. DevTools only in an unpackaged run.
 */
export function terminalWebPreferences(preloadPath: string, devTools: boolean) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  } as const;
}
