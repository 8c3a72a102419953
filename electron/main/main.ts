import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import type { WebContents } from 'electron';
import { publishBridgeEvent } from '../ipc/bridge-events';
import { registerBridgeHandlers } from '../ipc/bridge-handlers';
import { trustedSenderCheck } from '../ipc/trusted-sender';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol';
import { startDeviceServices } from '../devices/device-services';
import { parseShellOptions } from './shell-options';
import { storesOnDisk, withStorageEngineFeatures } from './storage-engine';
import {
  isNavigationAllowed,
  isPermissionGranted,
  terminalWebPreferences,
  windowOpenDecision,
} from './window-policy';

/**
 * Main-process entry (bundled to dist/electron/main.js by scripts/build-electron.ts). The only
 * file of the main process that imports 'electron': every decision below is a plain function
 * tested in Node (window-policy, app-protocol, shell-options, ../ipc). Security checklist:
 * https://www.electronjs.org/docs/latest/tutorial/security — see the README.
 */
const options = parseShellOptions(process.argv, process.env);
const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = path.join(import.meta.dirname, 'preload.cjs');

// Every renderer sandboxed, whatever a window asks for; before `ready`, as Electron requires.
app.enableSandbox();
// The store's IndexedDB engine (storage-engine.ts: never to be taken away under a terminal
// that holds data); before `ready`, when Chromium reads its features.
app.commandLine.appendSwitch(
  'enable-features',
  withStorageEngineFeatures(app.commandLine.getSwitchValue('enable-features')),
);
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let terminalWindow: BrowserWindow | null = null;

/** Navigation, new windows and <webview> refused for every web contents the app ever gets. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(windowOpenDecision);
}

function createTerminalWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Loyalty Terminal',
    width: 1280,
    height: 800,
    kiosk: options.kiosk,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: terminalWebPreferences(preloadPath, !app.isPackaged),
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  window.on('closed', () => {
    terminalWindow = null;
  });
  window.loadURL(options.startUrl).catch((error: unknown) => {
    console.error(
      `The terminal page did not load from ${rendererDir} (npm run build:renderer?): ${String(error)}`,
    );
  });
  return window;
}

if (!app.requestSingleInstanceLock()) {
  // One terminal per machine: a second start focuses the running one and exits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!terminalWindow) return;
    if (terminalWindow.isMinimized()) terminalWindow.restore();
    terminalWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    lockDown(contents);
  });
  app.on('window-all-closed', () => {
    app.quit();
  });

  void app.whenReady().then(async () => {
    // Which engine holds the store, as the last run left it (storage-engine.ts says why).
    const indexedDbDir = path.join(app.getPath('userData'), 'IndexedDB');
    console.log(
      storesOnDisk(
        existsSync(indexedDbDir) ? readdirSync(indexedDbDir, { withFileTypes: true }) : null,
      ),
    );
    // Scanners, printer and print queue: plain Node services (electron/devices/), their
    // settings and queued slips in the app's data folder.
    const devices = await startDeviceServices({
      dataDir: path.join(app.getPath('userData'), 'devices'),
      log: (message) => {
        console.error(`devices: ${message}`);
      },
    });
    // Quitting waits for the devices to close (ports released, queued slips kept on disk).
    let devicesStopped = false;
    app.on('will-quit', (event) => {
      if (devicesStopped) return;
      event.preventDefault();
      void devices
        .stop()
        .catch((error: unknown) => {
          console.error(`devices did not stop cleanly: ${String(error)}`);
        })
        .finally(() => {
          devicesStopped = true;
          app.quit();
        });
    });
    const ses = session.defaultSession;
    ses.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
    ses.setPermissionRequestHandler((contents, permission, callback, details) => {
      // The requesting frame's address (a subframe's own), else the window's.
      callback(isPermissionGranted(permission, details.requestingUrl || contents.getURL()));
    });
    ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      isPermissionGranted(permission, requestingOrigin),
    );
    // WebHID/WebSerial/WebUSB stay closed to the page: devices go through the bridge.
    ses.setDevicePermissionHandler(() => false);

    registerBridgeHandlers(
      ipcMain,
      devices.handlers,
      trustedSenderCheck(() => terminalWindow?.webContents.id ?? null),
      (line) => {
        console.error(line);
      },
    );
    devices.onScan((scan) => {
      const sent = publishBridgeEvent(terminalWindow?.webContents ?? null, 'scan', scan);
      if (!sent.ok) console.error(`terminal bridge: ${sent.error}`);
    });
    terminalWindow = createTerminalWindow();
  });
}
