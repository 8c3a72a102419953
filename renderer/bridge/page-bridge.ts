import type { TerminalBridge } from '../../shared/bridge/terminal-bridge';
import { electronBridge, withPageDevices } from './electron-bridge';
import { inPageBridge } from './in-page-bridge';
import { websocketBridge } from './websocket-bridge';

/**
 * The terminal's bridge to its devices, by runtime mode (ARCHITECTURE.md):
 * 1. in the Electron shell, the preload's bridge;
 * 2. in a browser started with `devices` and `deviceToken` in its address, the device host;
 * 3. otherwise the page alone (keyboard-wedge scanners, no printer).
 * The keyboard wedge is detected in the page in every mode: its scans and its entry in the
 * device list join the others'.
 */
export function pageBridge(target: Window, params: URLSearchParams): TerminalBridge {
  const shell = electronBridge(target);
  if (shell) return shell;
  const url = deviceHostUrl(params.get('devices'));
  const token = params.get('deviceToken');
  if (url && token)
    return withPageDevices(
      websocketBridge({
        url,
        token,
        onProblem: (problem) => {
          console.warn(problem);
        },
      }),
      inPageBridge(target),
    );
  return inPageBridge(target);
}

/**
 * The device host's address from the page's own address, accepted only as what a device host
 * serves: `ws://` on this machine (127.0.0.1 or localhost), path `/bridge`. Anything else (a
 * typo, a crafted link pointing scans and slips elsewhere) is refused with a warning, and the
 * terminal runs with the page's own devices.
 */
export function deviceHostUrl(text: string | null): string | null {
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    console.warn(`devices=${text} is not an address; the device host is not used`);
    return null;
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'ws:' || !local || url.pathname !== '/bridge' || url.search !== '') {
    console.warn(`devices=${text} is not a device host on this machine; it is not used`);
    return null;
  }
  return url.href;
}
