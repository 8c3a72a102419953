import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DeviceSettings } from '../../shared/bridge/device-settings';
import { DEVICE_SETTINGS_FILE, saveDeviceSettings } from '../devices/device-settings-file';
import { startDeviceServices } from '../devices/device-services';
import type { DeviceServices } from '../devices/device-services';
import { startDeviceHost } from './device-host';
import type { RunningDeviceHost } from './device-host';

/**
 * Browser mode's devices in one call: the device services (settings and print queue in
 * `dataDir`) served by a device host on 127.0.0.1. `firstSettings` are written when the folder
 * has no settings yet (the demo starts with the simulated printer); after that the manager's
 * choices on the settings screen rule. `pageQuery` is what the terminal's address carries so
 * that the page connects: `devices=<ws url>&deviceToken=<this run's token>`.
 */
export type BrowserModeDevices = {
  readonly services: DeviceServices;
  readonly host: RunningDeviceHost;
  readonly pageQuery: string;
  readonly stop: () => Promise<void>;
};

export async function startBrowserModeDevices(options: {
  readonly dataDir: string;
  readonly allowedOrigins: readonly string[];
  readonly log: (message: string) => void;
  readonly firstSettings?: DeviceSettings;
  readonly port?: number;
}): Promise<BrowserModeDevices> {
  if (options.firstSettings && !existsSync(path.join(options.dataDir, DEVICE_SETTINGS_FILE)))
    await saveDeviceSettings(options.dataDir, options.firstSettings);
  const services = await startDeviceServices({ dataDir: options.dataDir, log: options.log });
  const host = await startDeviceHost({
    handlers: services.handlers,
    onScan: services.onScan,
    allowedOrigins: options.allowedOrigins,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return {
    services,
    host,
    pageQuery: new URLSearchParams({ devices: host.url, deviceToken: host.token }).toString(),
    stop: async () => {
      await host.close();
      await services.stop();
    },
  };
}
