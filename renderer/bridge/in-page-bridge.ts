import type { ScanEvent } from '../../shared/devices/scan-event';
import { parseBridgeRequest } from '../../shared/bridge/terminal-bridge';
import type {
  BridgeChannel,
  BridgeRequest,
  BridgeResponse,
  BridgeResult,
  DeviceStatus,
  TerminalBridge,
} from '../../shared/bridge/terminal-bridge';
import { attachKeyboardWedge } from '../scanner/attach-keyboard-wedge';

/**
 * The bridge in browser mode without a device host: the only device is the keyboard-wedge
 * scanner, detected in the page. (The device host over a WebSocket and the Electron preload
 * provide the same TerminalBridge with HID and serial scanners and printers.)
 */
export function inPageBridge(target: Window): TerminalBridge & { readonly dispose: () => void } {
  const listeners = new Set<(scan: ScanEvent) => void>();
  const detach = attachKeyboardWedge(target, {}, (scan) => {
    for (const listener of listeners) listener(scan);
  });
  const devices: DeviceStatus[] = [
    {
      id: 'keyboard-wedge',
      kind: 'scanner',
      transport: 'keyboard-wedge',
      name: 'Keyboard-wedge scanner',
      state: 'ready',
    },
  ];
  const handlers: {
    readonly [C in BridgeChannel]: (request: BridgeRequest<C>) => BridgeResponse<C>;
  } = {
    'devices.list': () => devices,
  };
  return {
    request: <C extends BridgeChannel>(
      channel: C,
      request: BridgeRequest<C>,
    ): Promise<BridgeResult<BridgeResponse<C>>> => {
      const parsed = parseBridgeRequest(channel, request);
      return Promise.resolve(
        parsed.ok ? { ok: true, value: handlers[channel](parsed.value) } : parsed,
      );
    },
    onScan: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose: detach,
  };
}
