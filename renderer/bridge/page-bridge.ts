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
  const url = params.get('devices');
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
