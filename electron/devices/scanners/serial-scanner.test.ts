import { afterEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanEvent } from '../../../shared/devices/scan-event';
import { scanEventSchema } from '../../../shared/devices/scan-event';
import type { DeviceStatus } from '../../../shared/bridge/terminal-bridge';
import { deviceStatusSchema } from '../../../shared/bridge/terminal-bridge';
import type { SocatPair } from '../testing/socat-pair';
import { startSocatPair } from '../testing/socat-pair';
import type { SupervisedDevice } from './device-supervisor';
import { createSerialScanner } from './serial-scanner';
import { systemTimers } from '../timers';

/** Real serialport on one end of a socat pty pair; the test plays the scanner on the other. */
type Rig = {
  readonly scanner: SupervisedDevice;
  readonly scans: ScanEvent[];
  readonly statuses: DeviceStatus[];
  readonly problems: string[];
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function rig(path: string): Rig {
  const scans: ScanEvent[] = [];
  const statuses: DeviceStatus[] = [];
  const problems: string[] = [];
  const scanner = createSerialScanner(
    {
      id: 'serial-1',
      name: 'Counter scanner',
      path,
      baudRate: 9600,
      retryMinMs: 20,
      retryMaxMs: 100,
    },
    systemTimers,
    {
      onScan: (scan) => scans.push(scanEventSchema.parse(scan)),
      onStatus: (status) => statuses.push(deviceStatusSchema.parse(status)),
      onProblem: (_id, detail) => problems.push(detail),
    },
  );
  cleanups.push(() => scanner.stop());
  return { scanner, scans, statuses, problems };
}

async function pair(dir?: string): Promise<SocatPair> {
  const started = await startSocatPair(dir === undefined ? {} : { dir });
  cleanups.push(() => started.close());
  return started;
}

/** The "scanner" end: a second real serialport on the other pty. */
async function scannerEnd(path: string): Promise<(bytes: string | Uint8Array) => Promise<void>> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  cleanups.push(
    () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  );
  return (bytes) =>
    new Promise<void>((resolve, reject) => {
      port.write(bytes, (e) => (e ? reject(e) : port.drain(() => resolve())));
    });
}

const codes = (scans: readonly ScanEvent[]) => scans.map((s) => s.code);

async function until(what: string, predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('serial scanner over a real pty pair', () => {
  it('turns CRLF, CR and LF frames into scans with source serial', async () => {
    const ends = await pair();
    const r = rig(ends.b);
    r.scanner.start();
    await until('ready', () => r.scanner.status().state === 'ready');
    const write = await scannerEnd(ends.a);

    await write('4607001234565\r\n2900000000017\r2900000000024\n');
    await until('three scans', () => r.scans.length >= 3);
    expect(codes(r.scans)).toEqual(['4607001234565', '2900000000017', '2900000000024']);
    expect(r.scans.every((s) => s.source === 'serial' && s.symbology === undefined)).toBe(true);
  });

  it('joins a frame split over chunks, drops noise, splits an AIM prefix', async () => {
    const ends = await pair();
    const r = rig(ends.b);
    r.scanner.start();
    await until('ready', () => r.scanner.status().state === 'ready');
    const write = await scannerEnd(ends.a);

    await write('46070');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.scans).toEqual([]);
    await write('01234565\r\n');
    await write(Uint8Array.from([0x00, 0x07, 0x00, ...Buffer.from('29000000\x0000017\r\n')]));
    await write(']E04607001234565\r\n');
    await until('three scans', () => r.scans.length >= 3);
    expect(r.scans.map((s) => [s.code, s.symbology])).toEqual([
      ['4607001234565', undefined],
      ['2900000000017', undefined],
      ['4607001234565', ']E0'],
    ]);
  });

  it('discards an over-long frame with a problem report, then reads the next', async () => {
    const ends = await pair();
    const r = rig(ends.b);
    r.scanner.start();
    await until('ready', () => r.scanner.status().state === 'ready');
    const write = await scannerEnd(ends.a);

    await write('9'.repeat(5_000));
    await write('\r\n4607001234565\r\n');
    await until('one scan', () => r.scans.length >= 1);
    expect(codes(r.scans)).toEqual(['4607001234565']);
    expect(r.problems).toEqual([expect.stringMatching(/more than 4096 bytes/)]);
  });

  it('survives the port vanishing and returning, without a new scanner object', async () => {
    const first = await pair();
    const r = rig(first.b);
    r.scanner.start();
    await until('ready', () => r.scanner.status().state === 'ready');
    const write = await scannerEnd(first.a);
    await write('2900000000017\r\n');
    await until('first scan', () => r.scans.length === 1);

    await first.close(); // unplugged
    await until('disconnected', () => r.scanner.status().state === 'disconnected');
    expect(r.scanner.status().detail).toMatch(/disconnected|not connected/);

    const second = await pair(first.dir); // plugged back in, same path
    await until('ready again', () => r.scanner.status().state === 'ready');
    const writeAgain = await scannerEnd(second.a);
    await writeAgain('2900000000024\r\n');
    await until('second scan', () => r.scans.length === 2);
    expect(codes(r.scans)).toEqual(['2900000000017', '2900000000024']);
    // While it was away the detail changed ("disconnected" → "not connected"); the state did not.
    const states = r.statuses.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
    expect(states).toEqual(['ready', 'disconnected', 'ready']);
  });

  it('waits as disconnected for a port that is not there yet, and opens it when it appears', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serial-absent-'));
    const r = rig(join(dir, 'B'));
    r.scanner.start();
    await until('not connected', () => /is not connected/.test(r.scanner.status().detail ?? ''));
    expect(r.scanner.status().state).toBe('disconnected');

    const ends = await pair(dir);
    await until('ready', () => r.scanner.status().state === 'ready');
    const write = await scannerEnd(ends.a);
    await write('4607001234565\n');
    await until('scan', () => r.scans.length === 1);

    await r.scanner.stop();
    expect(r.scanner.status()).toMatchObject({ state: 'disconnected', detail: 'stopped' });
  });
});
