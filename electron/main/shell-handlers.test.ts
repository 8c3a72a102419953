import { describe, expect, it } from 'vitest';
import { dispatchBridgeRequest } from '../../shared/bridge/bridge-dispatch';
import { BRIDGE_CHANNELS } from '../../shared/bridge/terminal-bridge';
import type { DeviceStatus } from '../../shared/bridge/terminal-bridge';
import { statusOnlyDevices } from './shell-handlers';

const printer: DeviceStatus = {
  id: 'usb:/dev/usb/lp0',
  kind: 'printer',
  transport: 'usb-printer',
  name: 'Epson TM-T20III',
  state: 'cover-open',
};

describe('until the device services are wired in', () => {
  it('devices.list answers from the injected status source, each time afresh', async () => {
    let statuses: DeviceStatus[] = [];
    const devices = statusOnlyDevices(() => Promise.resolve(statuses));
    expect(await dispatchBridgeRequest(devices.handlers, 'devices.list', {})).toEqual({
      ok: true,
      value: [],
    });
    statuses = [printer];
    expect(await dispatchBridgeRequest(devices.handlers, 'devices.list', {})).toEqual({
      ok: true,
      value: [printer],
    });
  });

  it('a failing status source is answered as an error naming the channel', async () => {
    const devices = statusOnlyDevices(() => Promise.reject(new Error('udev not reachable')));
    expect(await dispatchBridgeRequest(devices.handlers, 'devices.list', {})).toEqual({
      ok: false,
      error: 'devices.list failed: udev not reachable',
    });
  });

  it('every other channel of the contract answers that the device services are missing', async () => {
    const devices = statusOnlyDevices(() => []);
    const others = Object.keys(BRIDGE_CHANNELS).filter((channel) => channel !== 'devices.list');
    expect(others.length).toBeGreaterThan(0);
    for (const channel of others) {
      const handler = devices.handlers[channel as keyof typeof BRIDGE_CHANNELS] as () => unknown;
      expect(await handler(), channel).toEqual({
        ok: false,
        error: `${channel}: the device services are not wired into the Electron shell yet`,
      });
    }
  });
});
