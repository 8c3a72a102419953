import { describe, expect, it } from 'vitest';
import {
  isNavigationAllowed,
  isPermissionGranted,
  TERMINAL_PERMISSIONS,
  terminalWebPreferences,
  windowOpenDecision,
} from './window-policy';

describe('the terminal window stays on its own pages', () => {
  it.each([
    'app://terminal/index.html',
    'app://terminal/index.html?server=http%3A%2F%2F127.0.0.1%3A5181&code=ABC',
    'app://terminal/',
  ])('navigation to %s is allowed', (url) => {
    expect(isNavigationAllowed(url)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5181/v1/pull',
    'file:///etc/passwd',
    'app://terminal.evil.example/index.html',
    'app://evil/index.html',
    'app://terminal@evil/index.html',
    'app://user:pass@terminal/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
    'app:terminal',
  ])('navigation to %j is blocked', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });

  it('opens no new windows, whatever the address', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('web permissions: only reaching the central server on the local network', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'hid',
    'serial',
    'usb',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'persistent-storage',
    'unknown',
  ])('%s is denied to the terminal itself', (permission) => {
    expect(isPermissionGranted(permission, 'app://terminal/index.html')).toBe(false);
  });

  it.each(['local-network-access', 'local-network', 'loopback-network'])(
    '%s is granted to the app’s pages (the central server on 127.0.0.1 or the store LAN)',
    (permission) => {
      expect(TERMINAL_PERMISSIONS).toContain(permission);
      expect(isPermissionGranted(permission, 'app://terminal/index.html')).toBe(true);
      expect(isPermissionGranted(permission, 'app://terminal')).toBe(true);
    },
  );

  it.each(['https://evil.example', 'file:///tmp/x.html', 'app://terminal.evil', 'null', ''])(
    'nothing is granted to %j',
    (origin) => {
      for (const permission of TERMINAL_PERMISSIONS)
        expect(isPermissionGranted(permission, origin), permission).toBe(false);
    },
  );
});

describe('webPreferences follow Electron’s security checklist', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    const preferences = terminalWebPreferences('/app/dist/electron/preload.cjs', false);
    expect(preferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
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
      devTools: false,
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
  });
});
