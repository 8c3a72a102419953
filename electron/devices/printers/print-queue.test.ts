import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualTimers } from '../timers';
import type { ManualTimers } from '../timers';
import { createPrintQueue } from './print-queue';
import type { PrintQueue } from './print-queue';
import { createSimulatedPrinter } from './printer.simulated';
import type { SimulatedPrinter } from './printer.simulated';

/**
 * The print queue on the simulated printer, with a hand-driven clock: retries happen when the
 * test advances time, so nothing sleeps. Every queue directory is a fresh temp dir.
 */

const dirs: string[] = [];
const queues: PrintQueue[] = [];

afterEach(async () => {
  for (const queue of queues.splice(0)) await queue.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'print-queue-'));
  dirs.push(dir);
  return dir;
}

let ids = 0;
function queueOn(
  dir: string,
  printer: SimulatedPrinter,
  timers: ManualTimers,
  log: (message: string) => void = () => undefined,
): PrintQueue {
  const queue = createPrintQueue({
    dir,
    printer,
    timers,
    newId: () => `job-id-${++ids}`,
    retryDelaysMs: [1000, 2000, 4000],
    log,
  });
  queues.push(queue);
  return queue;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const printedTexts = (printer: SimulatedPrinter, complete = true): string[] =>
  printer
    .printed()
    .filter((slip) => slip.complete === complete)
    .map((slip) => new TextDecoder().decode(slip.bytes));

describe('print queue: printer switched off', () => {
  it('keeps slips across a restart and prints each exactly once, in order, when it is back', async () => {
    const dir = tempDir();
    const timers = createManualTimers();
    const printer = createSimulatedPrinter();
    printer.setPower(false);

    const first = queueOn(dir, printer, timers);
    await first.start();
    await first.enqueue({ bytes: text('slip A'), label: 'A' });
    await first.enqueue({ bytes: text('slip B'), label: 'B' });
    await first.idle();
    expect(first.state()).toMatchObject({ pending: 2, printer: { state: 'disconnected' } });
    expect(first.state().lastError).toMatch(/"A" is waiting: .*switched off/);
    await first.stop(); // the terminal restarts while the printer is still off

    const second = queueOn(dir, printer, timers);
    await second.start();
    await second.idle();
    expect(second.state().jobs.map((j) => j.label)).toEqual(['A', 'B']);
    const retryAt = second.state().retryAt;
    expect(retryAt, 'a retry is scheduled').toBe(timers.now() + 1000);

    // Backoff grows while the printer stays off: 1 s, then 2 s.
    timers.advance(1000);
    await second.idle();
    expect(second.state().retryAt).toBe(timers.now() + 2000);

    printer.setPower(true);
    timers.advance(2000);
    await second.idle();
    expect(printedTexts(printer)).toEqual(['slip A', 'slip B']);
    expect(second.state()).toMatchObject({
      pending: 0,
      lastError: undefined,
      printer: { state: 'ready' },
      lastPrinted: { label: 'B' },
    });
    expect(readdirSync(dir)).toEqual(['last-printed.json']);

    // Nothing is printed twice: further time and restarts print nothing.
    timers.advance(60_000);
    await second.stop();
    const third = queueOn(dir, printer, timers);
    await third.start();
    await third.idle();
    expect(printedTexts(printer)).toEqual(['slip A', 'slip B']);
  });

  it('"Retry" after switching the printer on does not wait for the backoff', async () => {
    const timers = createManualTimers();
    const printer = createSimulatedPrinter();
    printer.setPower(false);
    const queue = queueOn(tempDir(), printer, timers);
    await queue.start();
    await queue.enqueue({ bytes: text('slip C'), label: 'C' });
    await queue.idle();
    printer.setPower(true);
    queue.retryNow();
    await queue.idle();
    expect(printedTexts(printer)).toEqual(['slip C']);
    expect(timers.pending(), 'the cancelled retry is not left behind').toBe(0);
  });
});

describe('print queue: paper and cover', () => {
  it('paper running out mid-run: the cut-short slip prints again in full, then the rest', async () => {
    const timers = createManualTimers();
    const printer = createSimulatedPrinter();
    printer.onWrite((bytes) => {
      if (new TextDecoder().decode(bytes) === 'slip 2') printer.setCondition('paper-out');
    });
    const queue = queueOn(tempDir(), printer, timers);
    const errors = new Set<string>();
    queue.subscribe((state) => {
      if (state.lastError !== undefined) errors.add(state.lastError);
    });
    await queue.start();
    for (const n of [1, 2, 3]) await queue.enqueue({ bytes: text(`slip ${n}`), label: `${n}` });
    await queue.idle();
    expect(printedTexts(printer)).toEqual(['slip 1']);
    expect(printedTexts(printer, false)).toEqual(['slip 2']);
    expect(queue.state()).toMatchObject({ pending: 2, printer: { state: 'paper-out' } });
    expect([...errors].join('\n')).toMatch(/"2" may not have printed in full.*out of paper/);

    printer.onWrite(undefined);
    printer.setCondition('ready'); // new roll loaded
    timers.advance((queue.state().retryAt ?? Infinity) - timers.now());
    await queue.idle();
    expect(printedTexts(printer)).toEqual(['slip 1', 'slip 2', 'slip 3']);
    expect(queue.state().pending).toBe(0);
  });

  it('cover open: nothing is sent until it is closed', async () => {
    const timers = createManualTimers();
    const printer = createSimulatedPrinter();
    printer.setCondition('cover-open');
    // Every write the queue attempts is seen here: the simulator itself drops writes while it
    // cannot print, so its `printed()` alone could not tell "not sent" from "sent and lost".
    const sent: Uint8Array[] = [];
    const watched = {
      ...printer,
      write: (bytes: Uint8Array) => {
        sent.push(bytes);
        return printer.write(bytes);
      },
    };
    const queue = queueOn(tempDir(), watched, timers);
    await queue.start();
    await queue.enqueue({ bytes: text('slip X'), label: 'X' });
    await queue.idle();
    expect(sent, 'nothing sent while the cover is open').toEqual([]);
    expect(printer.printed()).toEqual([]);
    expect(queue.state().printer).toMatchObject({ state: 'cover-open', condition: 'cover-open' });
    printer.setCondition('paper-near-end'); // still prints
    timers.advance(1000);
    await queue.idle();
    expect(printedTexts(printer)).toEqual(['slip X']);
  });
});

describe('print queue: reprint', () => {
  it('reprints the last slip, also after a restart', async () => {
    const dir = tempDir();
    const timers = createManualTimers();
    const printer = createSimulatedPrinter();
    const queue = queueOn(dir, printer, timers);
    await queue.start();
    expect(await queue.reprintLast()).toBeUndefined();
    await queue.enqueue({ bytes: text('slip 41'), label: 'No. 41' });
    await queue.enqueue({ bytes: text('slip 42'), label: 'No. 42' });
    await queue.idle();
    expect(await queue.reprintLast()).toMatchObject({ label: 'No. 42 (copy)' });
    await queue.idle();
    await queue.stop();

    const restarted = queueOn(dir, printer, timers);
    await restarted.start();
    expect(restarted.state().lastPrinted?.label).toBe('No. 42 (copy)');
    await restarted.reprintLast();
    await restarted.idle();
    expect(printedTexts(printer)).toEqual(['slip 41', 'slip 42', 'slip 42', 'slip 42']);
  });

  it('tells subscribers how many slips wait and what the printer says', async () => {
    const timers = createManualTimers();
    const printer = createSimulatedPrinter();
    printer.setCondition('paper-out');
    const queue = queueOn(tempDir(), printer, timers);
    const seen: string[] = [];
    queue.subscribe((s) => seen.push(`${s.pending}:${s.printer.state}`));
    await queue.start();
    await queue.enqueue({ bytes: text('s'), label: 's' });
    await queue.idle();
    expect(seen).toContain('1:paper-out');
  });

  it('refreshStatus notices a printer switched off while nothing is queued', async () => {
    const printer = createSimulatedPrinter();
    const queue = queueOn(tempDir(), printer, createManualTimers());
    await queue.start();
    expect(await queue.refreshStatus()).toMatchObject({ state: 'ready' });
    printer.setPower(false);
    expect(await queue.refreshStatus()).toMatchObject({ state: 'disconnected' });
    expect(queue.state().printer.detail).toMatch(/switched off/);
  });

  it('refuses, loudly, a slip it cannot store', async () => {
    const dir = tempDir();
    const queue = queueOn(dir, createSimulatedPrinter(), createManualTimers());
    await queue.start();
    rmSync(dir, { recursive: true, force: true }); // the queue folder vanished
    await expect(queue.enqueue({ bytes: text('s'), label: 'lost?' })).rejects.toThrow(/ENOENT/);
    expect(queue.state().pending).toBe(0);
  });

  it('keeps the order of slips queued at the same moment', async () => {
    const printer = createSimulatedPrinter();
    const queue = queueOn(tempDir(), printer, createManualTimers());
    await queue.start();
    const labels = ['1', '2', '3', '4', '5', '6'];
    await Promise.all(labels.map((l) => queue.enqueue({ bytes: text(`slip ${l}`), label: l })));
    await queue.idle();
    expect(printedTexts(printer)).toEqual(labels.map((l) => `slip ${l}`));
  });
});
