import type { BridgeHandlers } from '../../shared/bridge/bridge-dispatch';
import { BRIDGE_CHANNELS } from '../../shared/bridge/terminal-bridge';
import type { DeviceStatus } from '../../shared/bridge/terminal-bridge';
import type { ScanEvent } from '../../shared/devices/scan-event';

/**
 * What the shell serves over the bridge: the device services' handler map (the same
 * shared/bridge/bridge-dispatch.ts BridgeHandlers the browser-mode device host takes), their
 * scans, and how to stop them when the app quits. electron/devices' DeviceServices
 * (startDeviceServices) has this shape; main.ts wires one of these.
 */
export type ShellDevices = {
  readonly handlers: BridgeHandlers;
  readonly onScan: (listener: (scan: ScanEvent) => void) => () => void;
  readonly stop: () => Promise<void>;
};

export type DeviceStatusSource = () => readonly DeviceStatus[] | Promise<readonly DeviceStatus[]>;

/**
 * Until the device services are wired in: `devices.list` answers from an injected status
 * source, every other channel answers that the device services are not there, and no scans
 * arrive from the main process (keyboard-wedge scans are detected in the page).
 */
export function statusOnlyDevices(deviceStatuses: DeviceStatusSource): ShellDevices {
  // Built from the contract's channel list, so a channel added in shared/ is answered too.
  const notWired = Object.fromEntries(
    Object.keys(BRIDGE_CHANNELS).map((channel) => [
      channel,
      () => ({
        ok: false,
        error: `${channel}: the device services are not wired into the Electron shell yet`,
      }),
    ]),
  ) as unknown as BridgeHandlers;
  return {
    handlers: {
      ...notWired,
      'devices.list': async () => ({ ok: true, value: [...(await deviceStatuses())] }),
    },
    onScan: () => () => undefined,
    stop: () => Promise.resolve(),
  };
}
