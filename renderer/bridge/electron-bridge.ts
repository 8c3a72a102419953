import type {
  BridgeChannel,
  BridgeRequest,
  BridgeResponse,
  BridgeResult,
  TerminalBridge,
} from '../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { inPageBridge } from './in-page-bridge';

/**
 * The bridge in the Electron shell: the preload exposes `window.terminalBridge` (HID and
 * serial scanners, printers — electron/preload/). Keyboard-wedge scanners are keyboards, so
 * they are still detected here in the page: the in-page bridge runs alongside, its scans join
 * the shell's and its device joins `devices.list`. Returns null outside Electron.
 *
 * In renderer/main.tsx: `bridge: electronBridge(window) ?? inPageBridge(window)`.
 */
export function electronBridge(
  target: Window,
): (TerminalBridge & { readonly dispose: () => void }) | null {
  const shell = (target as Window & { readonly terminalBridge?: unknown }).terminalBridge;
  return isTerminalBridge(shell) ? withPageDevices(shell, inPageBridge(target)) : null;
}

/** What the preload exposes: checked by shape, it crosses the context-isolation boundary. */
export function isTerminalBridge(candidate: unknown): candidate is TerminalBridge {
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    'request' in candidate &&
    typeof candidate.request === 'function' &&
    'onScan' in candidate &&
    typeof candidate.onScan === 'function'
  );
}

/**
 * `shell` answers every request; `page` (the keyboard wedge) adds its devices to
 * `devices.list` and its scans to `onScan`. A shell that refuses devices.list still refuses:
 * the cashier sees the error rather than a list that silently lacks the shell's devices.
 */
export function withPageDevices(
  shell: TerminalBridge,
  page: TerminalBridge & { readonly dispose: () => void },
): TerminalBridge & { readonly dispose: () => void } {
  return {
    request: async <C extends BridgeChannel>(
      channel: C,
      request: BridgeRequest<C>,
    ): Promise<BridgeResult<BridgeResponse<C>>> => {
      const answer = await shell.request(channel, request);
      if (channel !== 'devices.list' || !answer.ok) return answer;
      // C is 'devices.list' here; TypeScript does not narrow a type parameter by a comparison.
      const shellDevices = answer.value as BridgeResponse<'devices.list'>;
      const local = await page.request('devices.list', {});
      if (!local.ok) return answer;
      return { ok: true, value: [...shellDevices, ...local.value] as BridgeResponse<C> };
    },
    onScan: (listener: (scan: ScanEvent) => void) => {
      const offShell = shell.onScan(listener);
      const offPage = page.onScan(listener);
      return () => {
        offShell();
        offPage();
      };
    },
    dispose: page.dispose,
  };
}
