import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSocatPair } from '../testing/socat-pair';
import type { SocatPair } from '../testing/socat-pair';
import { createPrinterPeer } from '../testing/printer-peer';
import type { PrinterPeer } from '../testing/printer-peer';
import { createSerialPrinter } from './printer.serial';
import { PrinterError } from './printer-transport';
import type { PrinterTransport } from './printer-transport';
import { createPrintQueue } from './print-queue';

/**
 * The real serialport over a socat pty pair: the printer under test opens end A, the test
 * plays the printer on end B (also through serialport), answering DLE EOT with status bytes.
 */

let pair: SocatPair;
let far: SerialPort;
let peer: PrinterPeer;
const opened: PrinterTransport[] = [];

async function openFarEnd(path: string): Promise<{ port: SerialPort; peer: PrinterPeer }> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => (error ? reject(error) : resolve()));
  });
  const far = createPrinterPeer((bytes) => port.write(Buffer.from(bytes)));
  port.on('data', (chunk: Buffer) => far.receive(chunk));
  return { port, peer: far };
}

function closePort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (port.isOpen) port.close(() => resolve());
    else resolve();
  });
}

function printer(path: string): PrinterTransport {
  const created = createSerialPrinter({ path, baudRate: 19200, replyTimeoutMs: 300 });
  opened.push(created);
  return created;
}

beforeAll(async () => {
  pair = await startSocatPair();
  ({ port: far, peer } = await openFarEnd(pair.b));
});

afterEach(async () => {
  for (const p of opened.splice(0)) await p.close();
  peer.setCondition('ready');
  peer.setSilent(false);
});

afterAll(async () => {
  await closePort(far);
  await pair.close();
  rmSync(pair.dir, { recursive: true, force: true });
});

describe('serial printer over a socat pty pair', () => {
  it('prints the bytes it is given and reads the status replies', async () => {
    const serial = printer(pair.a);
    await serial.open();
    const before = peer.printed().length;
    const slip = new TextEncoder().encode('\x1b@Slip 0042\n\x1dV\x00');
    await serial.write(slip);
    await expect.poll(() => peer.printed().length - before).toBe(slip.length);
    expect([...peer.printed().slice(before)]).toEqual([...slip]);
    expect(await serial.requestStatus()).toMatchObject({ condition: 'ready' });
  });

  it.each(['paper-out', 'cover-open', 'paper-near-end', 'offline'] as const)(
    'reports %s from the status bytes',
    async (condition) => {
      const serial = printer(pair.a);
      await serial.open();
      peer.setCondition(condition);
      expect((await serial.requestStatus()).condition).toBe(condition);
    },
  );

  it('times out when the printer does not answer', async () => {
    const serial = printer(pair.a);
    await serial.open();
    peer.setSilent(true);
    const failure = await serial.requestStatus().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PrinterError);
    expect((failure as PrinterError).problem).toMatchObject({ kind: 'timed-out' });
  });

  it('drops a late or stray reply instead of taking it for the next answer', async () => {
    const serial = printer(pair.a);
    await serial.open();
    await new Promise<void>((resolve) => far.write(Buffer.of(0x00), () => resolve()));
    // The stray byte crosses the pty pair in well under a millisecond; 100 ms is ample.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await serial.requestStatus()).condition).toBe('ready');
  });

  it('reports a printer that vanished while open, and opens again when it is back', async () => {
    const own = await startSocatPair();
    const serial = printer(own.a);
    try {
      await serial.open();
      await own.close(); // unplugged: the pty pair is gone
      const failure = await serial
        .write(Uint8Array.of(0x41))
        .then(() => serial.requestStatus())
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PrinterError);
      expect(['disconnected', 'timed-out', 'io-error']).toContain(
        (failure as PrinterError).problem.kind,
      );
      await serial.close();
      const again = await startSocatPair({ dir: own.dir });
      const far2 = await openFarEnd(again.b);
      try {
        await serial.open();
        expect((await serial.requestStatus()).condition).toBe('ready');
      } finally {
        await closePort(far2.port);
        await again.close();
      }
    } finally {
      rmSync(own.dir, { recursive: true, force: true });
    }
  });

  it('says "not found" for a port that does not exist', async () => {
    const failure = await printer(join(pair.dir, 'no-such-port'))
      .open()
      .catch((error: unknown) => error);
    expect((failure as PrinterError).problem.kind).toBe('not-found');
    expect((failure as PrinterError).message).toMatch(/not found at .*no-such-port/);
  });

  it('refuses to write before it is opened', async () => {
    const failure = await printer(pair.a)
      .write(Uint8Array.of(1))
      .catch((error: unknown) => error);
    expect((failure as PrinterError).problem.kind).toBe('not-open');
  });
});

describe('print queue on a serial printer that is switched off, then on', () => {
  it('keeps the slip until the port appears, then prints it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serial-queue-'));
    const linkDir = mkdtempSync(join(tmpdir(), 'serial-off-'));
    const serial = printer(join(linkDir, 'A'));
    const queue = createPrintQueue({
      dir,
      printer: serial,
      retryDelaysMs: [50],
      log: () => undefined,
    });
    let later: { pair: SocatPair; port: SerialPort } | undefined;
    try {
      await queue.start();
      const slip = new TextEncoder().encode('Slip 0007\n');
      await queue.enqueue({ bytes: slip, label: 'Slip 0007' });
      await queue.idle();
      expect(queue.state()).toMatchObject({ pending: 1, printer: { state: 'disconnected' } });
      expect(queue.state().lastError).toMatch(/Slip 0007.*not found/);

      // The printer is plugged in: its port appears at the configured path.
      const back = await startSocatPair({ dir: linkDir });
      const far2 = await openFarEnd(back.b);
      later = { pair: back, port: far2.port };
      queue.retryNow();
      await expect.poll(() => queue.state().pending, { timeout: 10_000 }).toBe(0);
      expect(new TextDecoder().decode(far2.peer.printed())).toBe('Slip 0007\n');
    } finally {
      await queue.stop();
      if (later) {
        await closePort(later.port);
        await later.pair.close();
      }
      rmSync(dir, { recursive: true, force: true });
      rmSync(linkDir, { recursive: true, force: true });
    }
  });
});
