import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSocatPair } from '../testing/socat-pair';
import type { SocatPair } from '../testing/socat-pair';
import { createPrinterPeer } from '../testing/printer-peer';
import type { PrinterPeer } from '../testing/printer-peer';
import { createUsbPrinter } from './printer.usb';
import { PrinterError } from './printer-transport';
import type { PrinterTransport } from './printer-transport';

/**
 * The device-file transport against what stands in for /dev/usb/lp0 here: a pty (a character
 * device that answers, played by the test through serialport on the other end), a FIFO and a
 * regular file (sinks that cannot answer).
 */

let pair: SocatPair;
let far: SerialPort;
let peer: PrinterPeer;
let dir: string;
const opened: PrinterTransport[] = [];

function usb(path: string): PrinterTransport {
  const created = createUsbPrinter({ path, replyTimeoutMs: 300, pollIntervalMs: 5 });
  opened.push(created);
  return created;
}

async function failureOf(run: () => Promise<unknown>): Promise<PrinterError> {
  const failure = await run().then(
    () => new Error('expected a failure'),
    (error: unknown) => error,
  );
  if (!(failure instanceof PrinterError)) throw failure;
  return failure;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'usb-printer-'));
  pair = await startSocatPair();
  far = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    far.open((error) => (error ? reject(error) : resolve()));
  });
  peer = createPrinterPeer((bytes) => far.write(Buffer.from(bytes)));
  far.on('data', (chunk: Buffer) => peer.receive(chunk));
});

afterEach(async () => {
  for (const p of opened.splice(0)) await p.close();
  peer.setCondition('ready');
  peer.setSilent(false);
});

afterAll(async () => {
  await new Promise<void>((resolve) => far.close(() => resolve()));
  await pair.close();
  rmSync(pair.dir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('USB printer device file on a character device (pty)', () => {
  it('writes the slip and reads the status answers', async () => {
    const printer = usb(pair.a);
    await printer.open();
    const before = peer.printed().length;
    const slip = new Uint8Array(5000).map((_, i) => 0x20 + (i % 90));
    await printer.write(slip);
    await expect.poll(() => peer.printed().length - before).toBe(slip.length);
    expect(peer.printed().slice(before)).toEqual(slip);
    peer.setCondition('paper-out');
    expect(await printer.requestStatus()).toMatchObject({ condition: 'paper-out' });
  });

  it('times out, without blocking, when the device never answers', async () => {
    const printer = usb(pair.a);
    await printer.open();
    peer.setSilent(true);
    const failure = await failureOf(() => printer.requestStatus());
    expect(failure.problem).toMatchObject({ kind: 'timed-out' });
    expect(failure.message).toMatch(/did not answer in time \(status reply to DLE EOT 1\)/);
  });
});

describe('USB printer device file: errors a manager can act on', () => {
  it('not found', async () => {
    const failure = await failureOf(() => usb(join(dir, 'lp9')).open());
    expect(failure.problem.kind).toBe('not-found');
  });

  it('a folder is not a printer', async () => {
    const failure = await failureOf(() => usb(dir).open());
    expect(failure.problem.kind).toBe('io-error');
    expect(failure.message).toMatch(/folder/);
  });

  it('a FIFO nobody reads is a disconnected printer', async () => {
    const fifo = join(dir, 'lp-fifo-alone');
    execFileSync('mkfifo', [fifo]);
    const failure = await failureOf(() => usb(fifo).open());
    expect(failure.problem.kind).toBe('disconnected');
  });

  it('writing before opening is refused', async () => {
    const failure = await failureOf(() => usb(pair.a).write(Uint8Array.of(1)));
    expect(failure.problem.kind).toBe('not-open');
  });
});

describe('USB printer device file on sinks that cannot answer', () => {
  it('a FIFO with a reader gets every byte; status is assumed ready', async () => {
    const fifo = join(dir, 'lp-fifo');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reader = createReadStream(fifo);
    reader.on('data', (chunk) => chunks.push(Buffer.from(chunk)));
    const closed = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    // Opening the write end fails (ENXIO) until the reader has opened the FIFO: retry, bounded.
    const printer = usb(fifo);
    for (let i = 0; i < 100 && !printer.isOpen(); i += 1) {
      await printer.open().catch(() => new Promise((resolve) => setTimeout(resolve, 10)));
    }
    await printer.write(new TextEncoder().encode('Slip 0001\n'));
    expect(await printer.requestStatus()).toMatchObject({ condition: 'ready' });
    await printer.close();
    await closed;
    expect(Buffer.concat(chunks).toString()).toBe('Slip 0001\n');
  });

  it('a regular file collects the slips one after another', async () => {
    const file = join(dir, 'printed.bin');
    writeFileSync(file, '');
    const printer = usb(file);
    await printer.open();
    await printer.write(new TextEncoder().encode('one\n'));
    await printer.write(new TextEncoder().encode('two\n'));
    expect((await printer.requestStatus()).detail).toMatch(/assuming/);
    await printer.close();
    await printer.open();
    await printer.write(new TextEncoder().encode('three\n'));
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\nthree\n');
  });
});
