import { readdir } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import type { DeviceCandidates } from '../../shared/bridge/terminal-bridge';
import { PRINTER_MODEL_IDS, PRINTER_PROFILES } from './printers/escpos/printer-profiles';

/** Where the settings screen's choices come from; injected in tests. */
export type CandidateSources = {
  readonly serialPorts?: () => Promise<readonly { path: string; name: string }[]>;
  readonly usbPrinters?: () => Promise<readonly string[]>;
};

/**
 * What a manager can pick from: the serial ports the system lists, the USB printer device
 * files present (Linux: /dev/usb/lp*), and the printer models we know the code pages of.
 * A source that fails (no /dev/usb on this system) lists nothing rather than failing all.
 */
export async function listDeviceCandidates(
  sources: CandidateSources = {},
): Promise<DeviceCandidates> {
  const [serialPorts, usbPrinters] = await Promise.all([
    (sources.serialPorts ?? systemSerialPorts)().catch(() => []),
    (sources.usbPrinters ?? systemUsbPrinters)().catch(() => []),
  ]);
  return {
    serialPorts: serialPorts.slice(0, 64).map((p) => ({ path: p.path, name: p.name })),
    usbPrinters: usbPrinters.slice(0, 16),
    printerModels: PRINTER_MODEL_IDS.map((id) => ({ id, name: PRINTER_PROFILES[id].name })),
  };
}

/** What SerialPort.list gives of each port (its type comes from a package of serialport's). */
type ListedPort = { path: string; manufacturer?: string; serialNumber?: string };

async function systemSerialPorts(): Promise<{ path: string; name: string }[]> {
  const ports = (await SerialPort.list()) as unknown as readonly ListedPort[];
  return ports.map((port) => ({
    path: port.path,
    name: [port.manufacturer, port.serialNumber].filter(Boolean).join(' ') || port.path,
  }));
}

async function systemUsbPrinters(): Promise<string[]> {
  const names = await readdir('/dev/usb');
  return names.filter((name) => /^lp\d+$/.test(name)).map((name) => `/dev/usb/${name}`);
}
