import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatchBridgeRequest } from '../../shared/bridge/bridge-dispatch';
import type { DeviceSettings } from '../../shared/bridge/device-settings';
import type { ScanEvent } from '../../shared/devices/scan-event';
import { sampleSaleReceipt } from '../../shared/receipts/sample-receipts';
import { DEVICE_SETTINGS_FILE } from './device-settings-file';
import { startDeviceServices } from './device-services';
import type { DeviceServices } from './device-services';
import { PRINTER_PROFILES } from './printers/escpos/printer-profiles';
import { decodeForProfile } from './printers/testing/decode-for-profile';
import { startSocatPair } from './testing/socat-pair';
import type { SocatPair } from './testing/socat-pair';

/**
 * The devices of a terminal behind the bridge, end to end in Node: settings on disk, a real
 * serial scanner on a socat pair, the simulated printer with the real ESC/POS path and queue.
 * Requests go through dispatchBridgeRequest, as IPC and the device host send them.
 */
let dir: string;
let pair: SocatPair;
let services: DeviceServices | undefined;
const logs: string[] = [];
const noHid = {
  hidBackend: () =>
    Promise.resolve({
      devices: () => Promise.resolve([]),
      open: () => Promise.reject(new Error('none')),
    }),
};

beforeAll(async () => {
  pair = await startSocatPair();
});
afterAll(async () => {
  await pair.close();
});
afterEach(async () => {
  await services?.stop();
  services = undefined;
  rmSync(dir, { recursive: true, force: true });
  logs.length = 0;
});

async function start(): Promise<DeviceServices> {
  services = await startDeviceServices({
    dataDir: dir,
    log: (m) => logs.push(m),
    statusPollMs: 200,
    scannerSources: noHid,
    candidateSources: {
      serialPorts: () => Promise.resolve([{ path: pair.a, name: 'test pty' }]),
      usbPrinters: () => Promise.resolve([]),
    },
  });
  return services;
}

const ask = (s: DeviceServices, channel: string, payload: unknown = {}) =>
  dispatchBridgeRequest(s.handlers, channel, payload);

function freshDir(): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'device-services-'));
  return dir;
}

const settings = (): DeviceSettings => ({
  printer: { transport: 'simulated', model: 'epson-tm-t20iii' },
  serialScanners: [{ path: pair.a, baudRate: 9_600 }],
  hidScanners: true,
});

describe('device services', () => {
  it('without settings: no printer, and printing says how to set one up', async () => {
    freshDir();
    const s = await start();
    expect(await ask(s, 'devices.list')).toEqual({ ok: true, value: [] });
    const printed = await ask(s, 'printer.print', { receipt: sampleSaleReceipt(), lang: 'ru' });
    expect(printed).toEqual({
      ok: false,
      error: expect.stringMatching(/No printer is set up/) as unknown,
    });
  });

  it('opens what the settings name: a serial scanner’s scans arrive, slips print in Russian', async () => {
    freshDir();
    const s = await start();
    const scans: ScanEvent[] = [];
    s.onScan((scan) => scans.push(scan));
    expect(await ask(s, 'devices.settings.set', settings())).toMatchObject({ ok: true });
    await expect
      .poll(async () => {
        const list = await ask(s, 'devices.list');
        return list.ok
          ? (list.value as { id: string; state: string }[]).map((d) => `${d.id} ${d.state}`)
          : [];
      })
      .toEqual([`serial:${pair.a} ready`, 'printer ready']);

    const port = new SerialPort({ path: pair.b, baudRate: 9_600 });
    await new Promise((resolve) => port.once('open', resolve));
    port.write('2900010000015\r\n');
    await expect
      .poll(() => scans.map((scan) => `${scan.source} ${scan.code}`))
      .toEqual(['serial 2900010000015']);
    await new Promise((resolve) => port.close(resolve));

    const receipt = sampleSaleReceipt();
    expect(await ask(s, 'printer.print', { receipt, lang: 'ru' })).toMatchObject({ ok: true });
    const printer = s.simulatedPrinter();
    await expect.poll(() => printer?.printed().length).toBe(1);
    const decoded = decodeForProfile(
      printer?.printed()[0]?.bytes ?? new Uint8Array(),
      PRINTER_PROFILES['epson-tm-t20iii'],
    );
    expect(decoded.text.join('\n')).toContain('T1-000042');
    expect(decoded.text.join('\n')).toMatch(/Баллов/i);

    // The slip counts as printed once the printer's status after it came back clean.
    await expect.poll(async () => (await ask(s, 'printer.reprintLast')).ok).toBe(true);
    expect(await ask(s, 'printer.testPrint', { lang: 'en' })).toMatchObject({ ok: true });
    await expect.poll(() => printer?.printed().length).toBe(3);
  });

  it('keeps a slip while the printer is off and prints it when it returns', async () => {
    freshDir();
    const s = await start();
    await ask(s, 'devices.settings.set', { ...settings(), serialScanners: [] });
    const printer = s.simulatedPrinter();
    printer?.setPower(false);
    const answer = await ask(s, 'printer.print', { receipt: sampleSaleReceipt(), lang: 'ru' });
    expect(answer).toMatchObject({ ok: true, value: { waiting: 1 } });
    await expect
      .poll(async () => {
        const list = await ask(s, 'devices.list');
        return list.ok ? (list.value as { waiting?: number; state: string }[])[0] : null;
      })
      .toMatchObject({ waiting: 1, state: 'disconnected' });
    printer?.setPower(true);
    await expect.poll(() => printer?.printed().length, { timeout: 20_000 }).toBe(1);
  });

  it('refuses settings naming an unknown printer model, and keeps the old ones', async () => {
    freshDir();
    const s = await start();
    const answer = await ask(s, 'devices.settings.set', {
      ...settings(),
      printer: { transport: 'tcp', host: '127.0.0.1', port: 9100, model: 'toaster-3000' },
    });
    expect(answer).toEqual({
      ok: false,
      error: expect.stringMatching(
        /unknown printer model "toaster-3000"; known: epson-tm-t20iii/,
      ) as unknown,
    });
    expect(await ask(s, 'devices.settings.get')).toMatchObject({
      ok: true,
      value: { printer: { transport: 'none' } },
    });
    expect(existsSync(path.join(dir, DEVICE_SETTINGS_FILE))).toBe(false);
  });

  it('refuses a receipt that breaks the document’s rules, printing nothing', async () => {
    freshDir();
    const s = await start();
    await ask(s, 'devices.settings.set', { ...settings(), serialScanners: [] });
    const receipt = sampleSaleReceipt();
    const answer = await ask(s, 'printer.print', {
      receipt: { ...receipt, totals: { ...receipt.totals, total: 1 } },
      lang: 'ru',
    });
    expect(answer.ok).toBe(false);
    expect(s.simulatedPrinter()?.printed()).toEqual([]);
  });

  it('remembers the settings; a damaged settings file is set aside and the defaults used', async () => {
    freshDir();
    let s = await start();
    await ask(s, 'devices.settings.set', { ...settings(), serialScanners: [] });
    await s.stop();
    s = await start();
    expect(await ask(s, 'devices.settings.get')).toMatchObject({
      ok: true,
      value: { printer: { transport: 'simulated' } },
    });
    await s.stop();

    writeFileSync(path.join(dir, DEVICE_SETTINGS_FILE), '{"printer": {"transport": "fax"}');
    s = await start();
    expect(await ask(s, 'devices.settings.get')).toMatchObject({
      ok: true,
      value: { printer: { transport: 'none' } },
    });
    expect(logs.join('\n')).toMatch(/unreadable \(not JSON\); set aside/);
    expect(readFileSync(path.join(dir, `${DEVICE_SETTINGS_FILE}.bad`), 'utf8')).toContain('fax');
  });

  it('lists what a manager can pick', async () => {
    freshDir();
    const s = await start();
    const answer = await ask(s, 'devices.candidates');
    expect(answer).toMatchObject({
      ok: true,
      value: { serialPorts: [{ path: pair.a }], usbPrinters: [] },
    });
    expect(answer.ok && (answer.value as { printerModels: unknown[] }).printerModels.length).toBe(
      4,
    );
  });
});
