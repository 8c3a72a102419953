import type { ScanEvent } from '../../shared/devices/scan-event';
import { dispatchBridgeRequest, unavailableHandlers } from '../../shared/bridge/bridge-dispatch';
import type { BridgeHandlers } from '../../shared/bridge/bridge-dispatch';
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
  const handlers: BridgeHandlers = {
    ...unavailableHandlers(
      'No device host is connected: printers and HID or serial scanners need the desktop app or the device host.',
    ),
    'devices.list': () => ({ ok: true, value: devices }),
  };
  return {
    request: <C extends BridgeChannel>(
      channel: C,
      request: BridgeRequest<C>,
    ): Promise<BridgeResult<BridgeResponse<C>>> =>
      dispatchBridgeRequest(handlers, channel, request) as Promise<BridgeResult<BridgeResponse<C>>>,
    onScan: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose: detach,
  };
}
